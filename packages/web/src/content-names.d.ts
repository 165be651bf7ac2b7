/** Built by the `parcours-content-names` plugin of vite.config.ts from content/*.json. */
declare module 'virtual:content-names' {
  const names: {
    competencies: Record<string, { fr: string; en: string }>;
    services: Record<string, string>;
  };
  export default names;
}
