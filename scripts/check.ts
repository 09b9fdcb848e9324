// npm run check: verify the dossier's content without building the site.
import { verifyContent } from '../src/lib/content/verify.ts';
import { reportProblems } from '../src/lib/content/report.ts';
import { contentDir } from '../src/lib/content/location.ts';
import { commandTarget } from './lib/args.ts';

// --content (or DOSSIER_CONTENT): which dossier; refused with the path and the fix if it is none.
commandTarget({ name: 'check', writes: 'nothing' });

const { dossier, problems } = verifyContent(contentDir());
if (problems.length) {
  reportProblems(problems);
  process.exit(1);
}
const count = (m: Map<string, unknown>, one: string, many = `${one}s`) => `${m.size} ${m.size === 1 ? one : many}`;
console.log(`Dossier verified: ${count(dossier!.sources, 'source')}, ${count(dossier!.claims, 'claim')}, ${count(dossier!.responses, 'response')}, ${count(dossier!.context, 'context entry', 'context entries')}, every quote verbatim.`);
