import type { Language, MessagePurpose } from '#contracts';
import { placedTemplateId, type Venue, venueText } from '#content-policy';
import type { Composed, ComposeRequest, MessageComposer } from '../content/message-composer';
import type { SessionEntity } from '../sessions/session.entity';
import type { VenueEntity } from './venue.entity';

/** Where a message may say its session is: a venue known here with its address, a video call, or nowhere (null). */
export type Place = { kind: 'venue'; venue: Venue } | { kind: 'video' } | null;

/**
 * A session's place as notifications knows it. Video is known from the session alone; a venue
 * once its `venue.saved` has arrived with an address (a name alone does not tell anyone where to go).
 */
export function placeOf(session: Pick<SessionEntity, 'venueId' | 'venueKind'> | null, venues: ReadonlyMap<string, VenueEntity>): Place {
  if (session?.venueKind === 'video') return { kind: 'video' };
  const venue = session?.venueId ? venues.get(session.venueId) : undefined;
  if (!venue?.address) return null;
  return { kind: 'venue', venue: { id: venue.id, name: venue.label, address: venue.address, ...(venue.directions ? { directions: asSentence(venue.directions) } : {}) } };
}

/** Directions are followed by the message's next sentence: they end as a sentence does. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The forms of a session message to try, most telling first; the plain one (the time and the service line) is always last. */
export function placedTemplates(templateId: string, purpose: MessagePurpose, place: Place): string[] {
  if (!place || purpose === 'cancellation' || purpose === 'poll') return [templateId];
  if (place.kind === 'video') return [placedTemplateId(templateId, 'video'), templateId];
  const directions = purpose === 'reminder' && place.venue.directions ? [placedTemplateId(templateId, 'venue-directions')] : [];
  return [...directions, placedTemplateId(templateId, 'venue'), templateId];
}

/**
 * The message saying where its session is when it may: each form tried in turn, the first that
 * renders kept (its template id is recorded with the message). A form does not render when the
 * venue, or its directions, may not be told to this recipient: a prison, to anyone but the
 * professionals who arrange the visit (the content policy's `prisonProfessionalRoles`). The
 * plain form has only the time and the service line, so the message goes all the same. A text
 * that renders but that the screening against the case's people blocks is held, as any other.
 */
export function composeWithPlace(
  composer: MessageComposer,
  request: Omit<ComposeRequest, 'templateId' | 'venues'>,
  templateId: string,
  purpose: MessagePurpose,
  place: Place,
): Composed & { templateId: string } {
  const named = place?.kind === 'venue' ? { values: { ...request.values, venue: place.venue.id, directions: place.venue.id }, venues: [place.venue] } : {};
  const forms = placedTemplates(templateId, purpose, place);
  for (const form of forms.slice(0, -1)) {
    const composed = composer.compose({ ...request, ...named, templateId: form });
    // A template that did not render has no text (its reasons say why); the next form is tried.
    if (composed.body !== '') return { ...composed, templateId: form };
  }
  return { ...composer.compose({ ...request, templateId }), templateId };
}

/**
 * The calendar invite's LOCATION: never more than the message's own text, which the content
 * policy screened. A venue only when the text names it (not for a plain form, nor a held text
 * edited without it); a video session is a video call.
 */
export function inviteLocation(text: string, language: Language, place: Place): string | undefined {
  if (place?.kind === 'video') return language === 'cy' ? 'Galwad fideo' : 'Video call';
  const where = place ? venueText(place.venue, 'name-and-address')! : undefined;
  return where && text.includes(where) ? where : undefined;
}
