export { catalog } from './content/catalog.ts';
export * from './content/schemas.ts';
export * from './errors.ts';
export * from './roles.ts';
