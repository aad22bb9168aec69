-- Optional "about you" questions (feedback.md: a response may carry the respondent's
-- self-declared characteristics, the groups of equality.md) as a new version of the
-- person-on-probation, end-of-supervision and staff questionnaires: one CHOICE question
-- per characteristic, its code the characteristic's, its options the recorded groups and
-- PREFER_NOT_TO_SAY. Earlier responses keep the version they answered. A questionnaire
-- whose latest version already asks them is left alone.
with latest as (
    select q.code, q.version, q.title, q.audience
    from questionnaire q
    where q.code in ('POP_SURVEY', 'END_OF_SUPERVISION', 'STAFF_ENGAGEMENT')
      and q.version = (select max(v.version) from questionnaire v where v.code = q.code)
      and not exists (select 1 from questionnaire_question x
                      where x.code = q.code and x.version = q.version and x.question_code = 'ETHNICITY')
), added as (
    insert into questionnaire (code, version, title, audience, created_by)
    select code, version + 1, title, audience, 'system' from latest
    returning code, version
), copied as (
    insert into questionnaire_question (code, version, position, question_code, text, question_type, options)
    select a.code, a.version, q.position, q.question_code, q.text, q.question_type, q.options
    from added a
    join questionnaire_question q on q.code = a.code and q.version = a.version - 1
    returning code, version, position
)
insert into questionnaire_question (code, version, position, question_code, text, question_type, options)
select a.code, a.version,
       coalesce((select max(q.position) from questionnaire_question q where q.code = a.code and q.version = a.version - 1), 0)
           + p.position,
       p.question_code, p.text, 'CHOICE',
       case when p.question_code = 'AGE' and a.code = 'STAFF_ENGAGEMENT'
            then array_remove(p.options, 'UNDER_18') else p.options end
from added a
cross join (values
  (1, 'AGE', 'About you (optional): what is your age?',
      '{UNDER_18,18_24,25_34,35_44,45_54,55_64,65_PLUS,PREFER_NOT_TO_SAY}'::text[]),
  (2, 'SEX', 'About you (optional): what is your sex?', '{FEMALE,MALE,PREFER_NOT_TO_SAY}'::text[]),
  (3, 'GENDER_REASSIGNMENT', 'About you (optional): is the gender you identify with the same as your sex registered at birth?',
      '{SAME_AS_BIRTH,DIFFERENT_FROM_BIRTH,PREFER_NOT_TO_SAY}'::text[]),
  (4, 'ETHNICITY', 'About you (optional): what is your ethnic group?',
      '{ASIAN,BLACK,MIXED,WHITE,OTHER,PREFER_NOT_TO_SAY}'::text[]),
  (5, 'RELIGION', 'About you (optional): what is your religion or belief?',
      '{NONE,CHRISTIAN,MUSLIM,HINDU,SIKH,JEWISH,BUDDHIST,OTHER,PREFER_NOT_TO_SAY}'::text[]),
  (6, 'SEXUAL_ORIENTATION', 'About you (optional): which of these best describes your sexual orientation?',
      '{HETEROSEXUAL,GAY_OR_LESBIAN,BISEXUAL,OTHER,PREFER_NOT_TO_SAY}'::text[]),
  (7, 'DISABILITY', 'About you (optional): do you consider yourself to have a disability?',
      '{DISABLED,NOT_DISABLED,PREFER_NOT_TO_SAY}'::text[]),
  (8, 'MARITAL_STATUS', 'About you (optional): what is your marital or civil partnership status?',
      '{SINGLE,MARRIED_OR_CIVIL_PARTNERSHIP,SEPARATED_DIVORCED_OR_DISSOLVED,WIDOWED,PREFER_NOT_TO_SAY}'::text[])
) p (position, question_code, text, options);
