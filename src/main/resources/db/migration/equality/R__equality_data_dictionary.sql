-- The data dictionary of the equality module's tables (shared/V1_0_20__data_dictionary.sql): each
-- table and every column described and classified (PERSONAL, SPECIAL_CATEGORY, PERSONNEL,
-- OPERATIONAL), then written as their COMMENTs. A migration that adds a table or column adds
-- its row here too; DataDictionaryTests names any column left out, and any row left stale.
delete from data_dictionary_table where module = 'equality';

insert into data_dictionary_table (table_name, module, description) values
  ('equality_month', 'equality', 'Months whose equality counts are current, with the versions of the measures and people they were counted at.'),
  ('equality_state', 'equality', 'The people version: moved on by every people import so that equality counts are redone.'),
  ('equality_unit_cell', 'equality', 'Monthly counts per unit, measure, characteristic and group: aggregates of at least one case, never a person''s own values.');

insert into data_dictionary_column (table_name, column_name, classification, description) values
  ('equality_month', 'month', 'OPERATIONAL', 'First day of the month counted'),
  ('equality_month', 'measures_version', 'OPERATIONAL', 'Measures'' results version counted at'),
  ('equality_month', 'people_version', 'OPERATIONAL', 'People import version counted at'),
  ('equality_month', 'counted_at', 'OPERATIONAL', 'When it was counted'),
  ('equality_state', 'singleton', 'OPERATIONAL', 'Always true: one row'),
  ('equality_state', 'people_version', 'OPERATIONAL', 'Version moved on by each people import'),
  ('equality_unit_cell', 'month', 'OPERATIONAL', 'First day of the month'),
  ('equality_unit_cell', 'unit_code', 'OPERATIONAL', 'Unit counted for (a team and every unit above it)'),
  ('equality_unit_cell', 'measure_code', 'OPERATIONAL', 'Measure'),
  ('equality_unit_cell', 'characteristic', 'OPERATIONAL', 'Protected characteristic (AGE, SEX, ETHNICITY...)'),
  ('equality_unit_cell', 'group_code', 'OPERATIONAL', 'Group of the characteristic (an aggregate category, not a person''s record)'),
  ('equality_unit_cell', 'numerator', 'OPERATIONAL', 'Case rows of the group that met the measure'),
  ('equality_unit_cell', 'denominator', 'OPERATIONAL', 'Case rows of the group');

select data_dictionary_comment('equality');
