// The URL of a module built on its own, for import() on demand (src/integrations/module-url.ts).
declare module '*?module-url' {
  const url: string;
  export default url;
}
