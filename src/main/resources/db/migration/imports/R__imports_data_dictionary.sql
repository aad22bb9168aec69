-- The data dictionary of the imports module's tables (shared/V1_0_20__data_dictionary.sql): each
-- table and every column described and classified (PERSONAL, SPECIAL_CATEGORY, PERSONNEL,
-- OPERATIONAL), then written as their COMMENTs. A migration that adds a table or column adds
-- its row here too; DataDictionaryTests names any column left out, and any row left stale.
delete from data_dictionary_table where module = 'imports';

insert into data_dictionary_table (table_name, module, description) values
  ('import_run', 'imports', 'Every attempt to import a case data file, with its counts and outcome.');

insert into data_dictionary_column (table_name, column_name, classification, description) values
  ('import_run', 'id', 'OPERATIONAL', 'Identifier of the import'),
  ('import_run', 'dataset', 'OPERATIONAL', 'Dataset imported (people, events, contacts...)'),
  ('import_run', 'username', 'PERSONAL', 'Who imported it'),
  ('import_run', 'started_at', 'OPERATIONAL', 'When it started'),
  ('import_run', 'finished_at', 'OPERATIONAL', 'When it finished'),
  ('import_run', 'outcome', 'OPERATIONAL', 'Outcome'),
  ('import_run', 'rows', 'OPERATIONAL', 'Rows in the file'),
  ('import_run', 'inserted', 'OPERATIONAL', 'Rows inserted'),
  ('import_run', 'updated', 'OPERATIONAL', 'Rows updated'),
  ('import_run', 'error_count', 'OPERATIONAL', 'Bad rows found'),
  ('import_run', 'file_name', 'OPERATIONAL', 'Name of the file uploaded');

select data_dictionary_comment('imports');
