// The request bodies of strategy workshops.
import { z } from 'zod';
import { Id, PartialDate, Text, Visibility } from './common.ts';

export const WorkshopStatus = z.enum(['preparing', 'picking', 'closed']);

const Position = z.number().int().min(0).max(10000);

export const WorkshopIn = z.strictObject({
  id: Id.optional(),
  programme_id: Id,
  session_id: Id.optional(),
  title: Text(300),
  date: PartialDate.optional(),
  description: Text(10000).optional(),
  status: WorkshopStatus.optional(),
  visibility: Visibility.optional(),
});

export const WorkshopPatch = z
  .strictObject({
    session_id: Id.nullable().optional(),
    title: Text(300).optional(),
    date: PartialDate.nullable().optional(),
    description: Text(10000).nullable().optional(),
    status: WorkshopStatus.optional(),
    picks_recorded: z.boolean().optional(),
    visibility: Visibility.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');

const MemberIds = z.array(Id).max(200);

export const GroupIn = z.strictObject({
  id: Id.optional(),
  name: Text(200),
  position: Position.optional(),
  member_ids: MemberIds.optional(),
});

export const GroupPatch = GroupIn.omit({ id: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');

export const QuestionIn = z.strictObject({
  id: Id.optional(),
  text: Text(2000),
  position: Position.optional(),
});

export const QuestionPatch = QuestionIn.omit({ id: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');

export const AnswerIn = z.strictObject({
  id: Id.optional(),
  group_id: Id,
  question_id: Id,
  text: Text(5000),
  position: Position.optional(),
});

export const AnswerPatch = z
  .strictObject({ text: Text(5000).optional(), position: Position.optional() })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');

export const PriorityIn = z.strictObject({
  id: Id.optional(),
  /** Drawn from a group's answer: the text defaults to the answer's. */
  answer_id: Id.optional(),
  text: Text(2000).optional(),
  position: Position.optional(),
});

export const PriorityPatch = z
  .strictObject({ text: Text(2000).optional(), position: Position.optional() })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');

export const CondensationIn = z.strictObject({
  areas: z
    .array(
      z.strictObject({
        topic_id: Id,
        priority_ids: z.array(Id).max(500).default([]),
      }),
    )
    .max(100),
});

/** Ranked: the first is rank 1. */
const PriorityIds = z
  .array(Id)
  .min(1, 'pick at least one priority')
  .max(3, 'pick at most three priorities');

export const PicksIn = z.strictObject({ priority_ids: PriorityIds });

export const PicksForIn = z.strictObject({ person_id: Id, priority_ids: PriorityIds });

export const WorkshopParams = z.object({ id: Id });
export const PartParams = z.object({ id: Id, part_id: Id });

// Responses.

const Member = z.object({ person_id: z.string(), name: z.string() });
const Answer = z.looseObject({
  id: z.string(),
  group_id: z.string(),
  question_id: z.string(),
  text: z.string(),
  position: z.number().int(),
});
const Group = z.looseObject({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  members: z.array(Member),
});
const Question = z.looseObject({ id: z.string(), text: z.string(), position: z.number().int() });
const Priority = z.looseObject({
  id: z.string(),
  text: z.string(),
  position: z.number().int(),
  answer_id: z.string().nullable(),
});

export const WorkshopOut = z.looseObject({
  id: z.string(),
  programme_id: z.string(),
  title: z.string(),
  status: WorkshopStatus,
  picks_recorded: z.boolean(),
  visibility: Visibility,
});

export const WorkshopDetailOut = WorkshopOut.extend({
  groups: z.array(Group),
  questions: z.array(Question),
  answers: z.array(Answer),
  priorities: z.array(Priority),
  areas: z.array(
    z.looseObject({
      topic_id: z.string(),
      name: z.string(),
      position: z.number().int(),
      priority_ids: z.array(z.string()),
    }),
  ),
});

export const PartOut = z.looseObject({ id: z.string(), workshop_id: z.string() });

export const PicksOut = z.object({
  workshop_id: z.string(),
  person_id: z.string(),
  picks: z.array(z.object({ rank: z.number().int(), priority_id: z.string(), text: z.string() })),
});

export const AllPicksOut = z.object({ items: z.array(PicksOut.extend({ name: z.string() })) });

const Count = z.number().int().nullable();

export const ResultsOut = z.object({
  workshop: WorkshopOut,
  matrix: z.object({
    questions: z.array(Question),
    rows: z.array(
      z.object({
        group: Group,
        cells: z.array(z.object({ question_id: z.string(), answers: z.array(Answer) })),
      }),
    ),
  }),
  tally: z.object({
    state: z.enum(['published', 'until_closed', 'not_recorded']),
    note: z.string(),
    participants_who_picked: Count,
    weights: z.object({ rank_1: z.number(), rank_2: z.number(), rank_3: z.number() }),
  }),
  areas: z.array(
    z.looseObject({
      topic_id: z.string(),
      name: z.string(),
      position: z.number().int(),
      picks: Count,
      people: Count,
      points: Count,
      priorities: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          answer_id: z.string().nullable(),
          picks: Count,
          first_choices: Count,
          points: Count,
        }),
      ),
    }),
  ),
  unassigned_priorities: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      answer_id: z.string().nullable(),
      picks: Count,
      first_choices: Count,
      points: Count,
    }),
  ),
});
