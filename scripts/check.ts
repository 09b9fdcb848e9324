// npm run check: verify the dossier's content without building the site.
import { verifyContent } from '../src/lib/content/verify.ts';
import { reportProblems } from '../src/lib/content/report.ts';
import { contentDir } from '../src/lib/content/location.ts';

const { dossier, problems } = verifyContent(contentDir());
if (problems.length) {
  reportProblems(problems);
  process.exit(1);
}
const count = (m: Map<string, unknown>) => m.size;
console.log(`Dossier verified: ${count(dossier!.sources)} sources, ${count(dossier!.claims)} claims, ${count(dossier!.responses)} responses, ${count(dossier!.context)} context entries, every quote verbatim.`);
