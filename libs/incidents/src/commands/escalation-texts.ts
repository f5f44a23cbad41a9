import { InvalidInputError } from '@app/core';

/** Longest free text in an escalation answer: enough for a detailed explanation, bounded per event. */
export const MAX_ESCALATION_TEXT = 10_000;

export function requiredText(field: string, value: string): string {
  const text = value.trim();
  if (text === '') throw new InvalidInputError(field, value, 'must not be empty');
  if (text.length > MAX_ESCALATION_TEXT) {
    throw new InvalidInputError(field, value, `must be at most ${MAX_ESCALATION_TEXT} characters`);
  }
  return text;
}

export function optionalText(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requiredText(field, value);
}
