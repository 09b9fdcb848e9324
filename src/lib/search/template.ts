/**
 * The result card for Pagefind's <pagefind-results>: kind, title, date and label over the
 * excerpt, with sub-results that jump to the matching section. It is added to the page by
 * script, just before the Component UI loads, so the built HTML holds no template links
 * (link checkers and validators would read them as real ones) and no inline script block.
 */
export const RESULT_TEMPLATE = `
<li class="search-result" data-date="{{ meta.date }}">
  <p class="search-result-head">
    {{#if meta.kind}}<span class="tag">{{ meta.kind }}</span>{{/if}}
    <a class="search-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title | default("Untitled") }}</a>
  </p>
  {{#if meta.label}}<p class="search-result-label">{{ meta.label }}</p>{{/if}}
  {{#if excerpt}}<p class="search-result-excerpt">{{+ excerpt +}}</p>{{/if}}
  {{#if sub_results}}
  <ul class="search-subresults">
    {{#each sub_results as sub}}
    <li><a href="{{ sub.url | safeUrl }}">{{ sub.title }}</a> <span class="search-result-excerpt">{{+ sub.excerpt +}}</span></li>
    {{/each}}
  </ul>
  {{/if}}
</li>`;

/** Give every <pagefind-results> on the page the dossier's result card. */
export function installResultTemplate(root: ParentNode = document): void {
  for (const results of root.querySelectorAll('pagefind-results')) {
    if (results.querySelector('script[type="text/pagefind-template"]')) continue;
    const template = document.createElement('script');
    template.type = 'text/pagefind-template';
    template.textContent = RESULT_TEMPLATE;
    results.append(template);
  }
}
