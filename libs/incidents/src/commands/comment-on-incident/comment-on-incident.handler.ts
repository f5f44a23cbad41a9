import { newEventId } from '@app/core';
import { parseCommentOnIncident } from '../../domain/incident.command-parsers';
import { incidentChangeHandler } from '../incident-change.handler';
import { CommentOnIncidentCommand } from './comment-on-incident.command';

/** Each comment gets its id here, so a retried request is a second comment, as the author expects. */
export const CommentOnIncidentHandler = incidentChangeHandler(CommentOnIncidentCommand, ({ text }) =>
  parseCommentOnIncident({ commentId: newEventId(), text }),
);
