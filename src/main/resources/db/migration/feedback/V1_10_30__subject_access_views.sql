-- Published for subject access requests (subjectaccess module): complaints that name a
-- case or a member of staff.
create view subject_access_complaint as
select complaint_id, received_on, channel, complainant, unit_code, staff_code, crn, summary, acknowledged_on,
       responded_on, outcome, appealed_on, appeal_responded_on, appeal_outcome, ombudsman_referred_on,
       ombudsman_outcome, action_id, logged_by, logged_at
from complaint;
