-- The data dictionary of the estate module's tables (shared/V1_0_20__data_dictionary.sql): each
-- table and every column described and classified (PERSONAL, SPECIAL_CATEGORY, PERSONNEL,
-- OPERATIONAL), then written as their COMMENTs. A migration that adds a table or column adds
-- its row here too; DataDictionaryTests names any column left out, and any row left stale.
delete from data_dictionary_table where module = 'estate';

insert into data_dictionary_table (table_name, module, description) values
  ('staff', 'estate', 'Staff of the provider (exchange format staff.csv).'),
  ('unit', 'estate', 'The estate: provider, regions, LDUs and teams, each under its parent.');

insert into data_dictionary_column (table_name, column_name, classification, description) values
  ('staff', 'staff_code', 'PERSONAL', 'Staff code: identifies the member of staff'),
  ('staff', 'forename', 'PERSONAL', 'Forename'),
  ('staff', 'surname', 'PERSONAL', 'Surname'),
  ('staff', 'grade', 'OPERATIONAL', 'Grade (PO, PSO, SPO...)'),
  ('staff', 'team_code', 'OPERATIONAL', 'Team they work in'),
  ('staff', 'start_date', 'PERSONNEL', 'Start of employment in the team'),
  ('staff', 'end_date', 'PERSONNEL', 'End of employment in the team'),
  ('unit', 'unit_code', 'OPERATIONAL', 'Code of the unit'),
  ('unit', 'unit_name', 'OPERATIONAL', 'Name of the unit'),
  ('unit', 'unit_type', 'OPERATIONAL', 'PROVIDER, REGION, LDU or TEAM'),
  ('unit', 'parent_code', 'OPERATIONAL', 'The unit above it');

select data_dictionary_comment('estate');
