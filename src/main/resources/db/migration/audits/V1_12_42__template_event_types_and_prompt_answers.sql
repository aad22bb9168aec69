-- Which event types a template audits (issue 16): case supervision (HMIP 2.1 to 2.4) is the
-- supervision of a person in the community, so not a custodial sentence before release;
-- unpaid work is a requirement of community and suspended sentence orders; through the gate
-- is resettlement, from custody to licence. Empty: any event (and the site self-assessment,
-- which audits no case). Sampling draws only events of these types; an audit of an event of
-- another type is refused.
alter table audit_template add column event_types text[] not null default '{}'
    check (event_types <@ array['COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'LICENCE',
        'POST_SENTENCE_SUPERVISION', 'CUSTODY']);
update audit_template set event_types = array['COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER', 'LICENCE',
    'POST_SENTENCE_SUPERVISION'] where template_code in ('CASE_SUPERVISION', 'OBSERVATION');
update audit_template set event_types = array['COMMUNITY_ORDER', 'SUSPENDED_SENTENCE_ORDER']
    where template_code = 'UNPAID_WORK';
update audit_template set event_types = array['CUSTODY', 'LICENCE', 'POST_SENTENCE_SUPERVISION']
    where template_code = 'THROUGH_THE_GATE';

-- Each prompt is asked as the question it is worded as, answered Yes, No or Not applicable.
-- A No stays a row of case_audit_failed_prompt (the practice themes and every reader of
-- them are unchanged); the Yes and Not applicable answers are kept here, so that a draft
-- opens again as it was saved.
create table case_audit_prompt_answer (
    audit_id bigint not null references case_audit (audit_id),
    prompt_code text not null,
    answer text not null check (answer in ('YES', 'NOT_APPLICABLE')),
    primary key (audit_id, prompt_code)
);
