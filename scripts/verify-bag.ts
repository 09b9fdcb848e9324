/**
 * npm run verify-bag -- <bag.zip or bag folder>: checks a BagIt bag (RFC 8493), such as the
 * portable edition, with the project's validator (src/lib/portable/bagit.ts): the declaration,
 * every payload file listed and none extra, every checksum, Payload-Oxum and the tag manifest.
 * Prints each problem with the file it concerns; exits 1 if there is any. docs/portable.md.
 */
import { verifyBagAt } from '../src/lib/portable/read-bag.ts';
import { formatBytes } from '../src/lib/print/size.ts';

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error('Usage: npm run verify-bag -- <bag.zip or bag folder>\nFor example: npm run verify-bag -- dossier-portable.zip');
  process.exit(2);
}
const report = verifyBagAt(target);
if (report.problems.length) {
  console.error(`${target}: NOT a valid bag (RFC 8493), ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}:`);
  for (const p of report.problems.slice(0, 50)) console.error(`  ${p}`);
  if (report.problems.length > 50) console.error(`  … and ${report.problems.length - 50} more`);
  process.exit(1);
}
console.log(`${target}: a valid bag (RFC 8493): ${report.payloadFiles} payload files, ${formatBytes(report.payloadBytes)}, every SHA-256 checksum matches.`);
