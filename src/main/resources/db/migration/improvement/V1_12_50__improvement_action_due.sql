-- The home page counts and lists the open actions that are overdue or due soon on every
-- request (improvement.plans.Actions.due). With only the open actions' target dates
-- indexed, PostgreSQL fetched each candidate row from the table and sorted them all to
-- list three: at national scale with 10,000 actions overdue and 10,000 due soon that was
-- 6 ms to count and more to list, per request.
--
-- This index holds the listing's whole order (target date, then plan order), so the first
-- three come off the index in order, and the recurrence, so the count reads the index
-- only. It replaces the index on the target date alone, which it serves as well.
create index improvement_action_due on improvement_action (target_date, plan_id, rec_no, action_no, action_id)
    include (recurrence)
    where status in ('NOT_STARTED', 'IN_PROGRESS');

drop index improvement_action_open;

-- The open recurring actions past their target date are judged in Java (their RAG depends
-- on their updates); few actions recur, so this finds them without reading the one-off
-- ones past their dates.
create index improvement_action_open_recurring on improvement_action (target_date)
    where status in ('NOT_STARTED', 'IN_PROGRESS') and recurrence is not null;

-- Every node keeps the home page's counts of overdue and due-soon actions per scope and
-- day while nothing they are counted from has changed (improvement.plans.DueCache): any
-- statement that writes an action, an action's update or a plan, on any node, moves this
-- sequence on, and a node reads it before using what it kept. A sequence, not a counter
-- row, so that writers never wait for each other on it.
create sequence improvement_change;
-- (called once, so that the first change moves last_value)
select nextval('improvement_change');

create function improvement_changed() returns trigger language plpgsql as $$
begin
    perform nextval('improvement_change');
    return null;
end $$;

create trigger improvement_action_changed after insert or update or delete or truncate on improvement_action
    for each statement execute function improvement_changed();
create trigger improvement_action_update_changed after insert or update or delete or truncate on improvement_action_update
    for each statement execute function improvement_changed();
create trigger improvement_plan_changed after insert or update or delete or truncate on improvement_plan
    for each statement execute function improvement_changed();
