-- Published for subject access requests (subjectaccess module), for what the first views
-- (V1_8_20) left out, as SubjectAccessCoverageTests found: items of the learning and
-- development plan that name a member of staff in their audience (or as their owner).
create view subject_access_learning_plan_item as
select item_id, unit_code, template_code, theme_kind, theme_code, course, audience_grade, audience_staff,
       training_date, owner, status, created_at, created_by
from learning_plan_item;
