/**
 * Lambda code validates with `zod/mini` (classic zod is ~450 KB and does not tree-shake). Unlike classic zod, mini
 * installs no locale, so issues would read "Invalid input": every schema module imports this one for its side
 * effect, and the English messages of the 400 bodies stay what they were.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
