import { getDossier } from '../dossier.ts';
import { i18nFor, type I18n } from './translate.ts';

export type { I18n };
export { i18nFor };

/** For components that are not handed the dossier. */
export async function getI18n(): Promise<I18n> {
  return i18nFor((await getDossier()).settings);
}
