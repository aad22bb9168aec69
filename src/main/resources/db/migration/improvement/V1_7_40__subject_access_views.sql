-- Published for subject access requests (subjectaccess module): actions, with their
-- updates, that name a case in their text or answer an audit (source_ref is the audit id
-- for ALERT and AUDIT_FINDING actions), and actions owned by a member of staff.
create view subject_access_action as
select action_id, plan_id, description, owner_role, owner_staff, target_date, status, cancel_reason,
       source_kind, source_ref, source_part, unit_code, created_at, created_by
from improvement_action;
create view subject_access_action_update as
select u.update_id, u.action_id, u.written_at, u.author, u.note, u.status_from, u.status_to, u.reason
from improvement_action_update u;
