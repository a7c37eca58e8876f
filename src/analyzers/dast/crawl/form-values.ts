import type { FormField } from './html.js';

/** A plausible value for an empty form field, so the submission passes simple validation. */
export function fillField(field: FormField, given: Readonly<Record<string, string>>): string {
  const preset = given[field.name];
  if (preset !== undefined) return preset;
  if (field.value !== '' || field.type === 'hidden' || field.type === 'select') return field.value;
  const name = field.name.toLowerCase();
  switch (field.type) {
    case 'email':
      return 'bulwark@example.com';
    case 'password':
      return 'Bulwark-Test-1';
    case 'number':
    case 'range':
      return '1';
    case 'url':
      return 'https://example.com/';
    case 'tel':
      return '5555550100';
    case 'date':
      return '2024-01-01';
    case 'checkbox':
    case 'radio':
      return field.value === '' ? 'on' : field.value;
    default:
      break;
  }
  if (/mail/.test(name)) return 'bulwark@example.com';
  if (/(^|_)(id|num|count|age|qty|quantity|page)$/.test(name)) return '1';
  if (/url|link|site|website/.test(name)) return 'https://example.com/';
  if (/phone|tel/.test(name)) return '5555550100';
  return 'bulwark';
}
