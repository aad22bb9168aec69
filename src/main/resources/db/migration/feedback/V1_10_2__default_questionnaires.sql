-- The default questionnaires of feedback.md (codes fixed), the theme list and the
-- complaint categories; the quality team adds versions and entries from the pages.
insert into questionnaire (code, version, title, audience, created_by) values
  ('POP_SURVEY', 1, 'Person on probation survey', 'PERSON_ON_PROBATION', 'system'),
  ('END_OF_SUPERVISION', 1, 'End of supervision questionnaire', 'PERSON_ON_PROBATION', 'system'),
  ('STAFF_ENGAGEMENT', 1, 'Staff engagement survey', 'STAFF', 'system'),
  ('STAKEHOLDER_SURVEY', 1, 'Stakeholder survey', 'STAKEHOLDER', 'system');

insert into questionnaire_question (code, version, position, question_code, text, question_type, options)
select q.code, 1, p.position, p.question_code, p.text, p.question_type, p.options
from (values ('POP_SURVEY'), ('END_OF_SUPERVISION')) q (code)
cross join (values
  (1, 'FAIR', 'My probation worker treats me fairly', 'AGREEMENT', '{}'::text[]),
  (2, 'CLEAR', 'I was told clearly what I have to do', 'AGREEMENT', '{}'::text[]),
  (3, 'HELP', 'I get help with the things that matter to me', 'AGREEMENT', '{}'::text[]),
  (4, 'COMPLAIN', 'I would know how to complain', 'YES_NO', '{}'::text[]),
  (5, 'OVERALL', 'Overall, how good is the service you get from probation?', 'CHOICE', '{VERY_GOOD,GOOD,FAIR,POOR,VERY_POOR}'::text[]),
  (6, 'BEST', 'What is the best thing about your probation service?', 'TEXT', '{}'::text[]),
  (7, 'BETTER', 'What could be better?', 'TEXT', '{}'::text[])
) p (position, question_code, text, question_type, options);

insert into questionnaire_question (code, version, position, question_code, text, question_type) values
  ('STAFF_ENGAGEMENT', 1, 1, 'E1', 'I am proud when I tell others I work here', 'AGREEMENT'),
  ('STAFF_ENGAGEMENT', 1, 2, 'E2', 'I would recommend this organisation as a great place to work', 'AGREEMENT'),
  ('STAFF_ENGAGEMENT', 1, 3, 'E3', 'I feel a strong personal attachment to this organisation', 'AGREEMENT'),
  ('STAFF_ENGAGEMENT', 1, 4, 'E4', 'This organisation inspires me to do the best in my job', 'AGREEMENT'),
  ('STAFF_ENGAGEMENT', 1, 5, 'E5', 'This organisation motivates me to help it achieve its objectives', 'AGREEMENT'),
  ('STAKEHOLDER_SURVEY', 1, 1, 'PARTNERSHIP', 'We work well in partnership with the probation service', 'AGREEMENT'),
  ('STAKEHOLDER_SURVEY', 1, 2, 'INFORMATION', 'The probation service shares the information we need in good time', 'AGREEMENT'),
  ('STAKEHOLDER_SURVEY', 1, 3, 'RESPONSIVE', 'The probation service responds when we raise a concern', 'AGREEMENT'),
  ('STAKEHOLDER_SURVEY', 1, 4, 'IMPROVE', 'What could the probation service do better with partners?', 'TEXT');

insert into feedback_theme (code, label) values
  ('COMMUNICATION', 'Communication'),
  ('CONTINUITY', 'Seeing the same worker'),
  ('RESPECT', 'Respect and fairness'),
  ('ACCESS', 'Getting to appointments'),
  ('ACCOMMODATION', 'Housing'),
  ('EMPLOYMENT', 'Work and training'),
  ('HEALTH', 'Health and wellbeing'),
  ('WAITING', 'Waiting times'),
  ('PREMISES', 'Offices and premises'),
  ('OTHER', 'Other');

insert into complaint_category (code, label) values
  ('STAFF_CONDUCT', 'Conduct of a member of staff'),
  ('COMMUNICATION', 'Communication'),
  ('DELAY', 'Delay'),
  ('DECISION', 'A decision made'),
  ('APPOINTMENTS', 'Appointments'),
  ('PREMISES', 'Offices and premises'),
  ('DATA_PROTECTION', 'Personal information'),
  ('DISCRIMINATION', 'Discrimination'),
  ('OTHER', 'Other');
