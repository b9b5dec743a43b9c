// The conditions of the countries matrix in plain words, in the user's language: "only with a
// work permit", "not in agriculture or fishing", from the engine's structured requirements.
import type { Requirement } from '@tulay/engine';
import type { I18n } from '../i18n/i18n.tsx';

/** One requirement as a phrase of the user's language. */
export function describeRequirement(r: Requirement, i18n: I18n): string {
  const { t } = i18n;
  const or = i18n.listOr;
  switch (r.kind) {
    case 'documented':
      return t('condition.documented');
    case 'permit':
      return t('condition.permit', { permits: or(r.permits.map((p) => t(`permitName.${p}`))) });
    case 'activities_only':
    case 'activities_except':
      return t(
        r.kind === 'activities_only' ? 'condition.activitiesOnly' : 'condition.activitiesExcept',
        {
          activities: or(r.activities.map((a) => t(`activityName.${a}`))),
        },
      );
    case 'sectors_only':
    case 'sectors_except':
      return t(r.kind === 'sectors_only' ? 'condition.sectorsOnly' : 'condition.sectorsExcept', {
        sectors: or(r.sectors.map((s) => t(`sectorName.${s}`))),
      });
    case 'employer_national_or_pr':
      return t('condition.employer');
    case 'nationalities_only':
    case 'nationalities_except':
      return t(
        r.kind === 'nationalities_only'
          ? 'condition.nationalitiesOnly'
          : 'condition.nationalitiesExcept',
        { countries: or(r.countries.map((c) => i18n.country(c))) },
      );
  }
}
