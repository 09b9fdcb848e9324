import { defineHastPlugin } from 'satteri';

/*
 * Markdown writes a table column's alignment (`|:--|--:|`) as a style attribute on every cell,
 * which the site's Content Security Policy blocks (style-src has no 'unsafe-inline'), so the
 * alignment would be lost and the browser would report a violation. This turns it into a class
 * that the stylesheet aligns (`.align-left`, `.align-right`, `.align-center` in lists.css, which every page with Markdown tables loads).
 */
const ALIGN = /^\s*text-align:\s*(left|right|center)\s*;?\s*$/i;

export const cellAlignToClass = defineHastPlugin({
  name: 'dossier-cell-align',
  element: {
    filter: ['th', 'td'],
    visit(node, ctx) {
      const align = ALIGN.exec(String(node.properties?.style ?? ''))?.[1]?.toLowerCase();
      if (!align) return;
      const classes = node.properties?.className;
      ctx.setProperty(node, 'style', undefined);
      ctx.setProperty(node, 'className', [...(Array.isArray(classes) ? classes : []), `align-${align}`]);
    },
  },
});
