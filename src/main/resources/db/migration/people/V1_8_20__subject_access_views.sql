-- Published for subject access requests (subjectaccess module): a member of staff's
-- personnel records: ratings, improvement plans and their reviews, capability
-- procedures and formal review prompts.
create view subject_access_staff_rating as select * from staff_rating;
create view subject_access_staff_improvement_plan as select * from staff_improvement_plan;
create view subject_access_staff_improvement_plan_review as
select r.*, p.staff_code from staff_improvement_plan_review r join staff_improvement_plan p on p.plan_id = r.plan_id;
create view subject_access_capability_procedure as select * from capability_procedure;
create view subject_access_formal_review_prompt as select * from formal_review_prompt;
