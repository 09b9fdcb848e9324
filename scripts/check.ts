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
const count = (m: Map<string, unknown>) => m.size;
console.log(`Dossier verified: ${count(dossier!.sources)} sources, ${count(dossier!.claims)} claims, ${count(dossier!.responses)} responses, ${count(dossier!.context)} context entries, every quote verbatim.`);
