-- The data dictionary of the reports module's tables (shared/V1_0_20__data_dictionary.sql): each
-- table and every column described and classified (PERSONAL, SPECIAL_CATEGORY, PERSONNEL,
-- OPERATIONAL), then written as their COMMENTs. A migration that adds a table or column adds
-- its row here too; DataDictionaryTests names any column left out, and any row left stale.
delete from data_dictionary_table where module = 'reports';

insert into data_dictionary_table (table_name, module, description) values
  ('report', 'reports', 'Every version (issue) of every report: its kind, period, unit, workflow status and frozen content.'),
  ('report_history', 'reports', 'Every change of a report''s status, who made it and when; never updated.');

insert into data_dictionary_column (table_name, column_name, classification, description) values
  ('report', 'report_id', 'OPERATIONAL', 'Identifier of this version of the report'),
  ('report', 'kind', 'OPERATIONAL', 'Kind of report (MONTHLY_PACK, WEEKLY_OPERATIONS...)'),
  ('report', 'period', 'OPERATIONAL', 'Period reported on (2026-10, 2026-Q3, 2026-W45...)'),
  ('report', 'unit_code', 'OPERATIONAL', 'Unit reported on (the provider or one of its units)'),
  ('report', 'issue', 'OPERATIONAL', 'Issue number: 1, then one more for each re-issue'),
  ('report', 'status', 'OPERATIONAL', 'DRAFT, SUBMITTED, APPROVED, ISSUED or SUPERSEDED'),
  ('report', 'version', 'OPERATIONAL', 'Optimistic lock: one more at every change'),
  ('report', 'title', 'OPERATIONAL', 'Title shown on the report'),
  ('report', 'due_on', 'OPERATIONAL', 'Date the report is due'),
  ('report', 'content', 'PERSONAL', 'Frozen content as JSON: figures, and may name cases (CRNs) and staff'),
  ('report', 'reissue_reason', 'OPERATIONAL', 'Why this issue replaces the one before'),
  ('report', 'created_at', 'OPERATIONAL', 'When this version was generated'),
  ('report', 'created_by', 'PERSONAL', 'Username that generated it (or the scheduler)'),
  ('report', 'submitted_at', 'OPERATIONAL', 'When it was submitted for review'),
  ('report', 'submitted_by', 'PERSONAL', 'Username that submitted it'),
  ('report', 'approved_at', 'OPERATIONAL', 'When it was approved'),
  ('report', 'approved_by', 'PERSONAL', 'Username that approved it'),
  ('report_history', 'report_id', 'OPERATIONAL', 'Report version changed'),
  ('report_history', 'changed_at', 'OPERATIONAL', 'When'),
  ('report_history', 'changed_by', 'PERSONAL', 'Username that made the change'),
  ('report_history', 'from_status', 'OPERATIONAL', 'Status before'),
  ('report_history', 'to_status', 'OPERATIONAL', 'Status after'),
  ('report_history', 'note', 'OPERATIONAL', 'Why, where given (a re-issue''s reason)');

select data_dictionary_comment('reports');
