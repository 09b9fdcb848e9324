// The URL of a module built on its own, for import() on demand (src/integrations/module-url.ts).
declare module '*?module-url' {
  const url: string;
  export default url;
}

// The running head of printed pages, from the dossier's title (src/integrations/running-head.ts).
declare module 'virtual:dossier/running-head.css';
