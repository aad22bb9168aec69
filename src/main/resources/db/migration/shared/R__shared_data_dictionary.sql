-- The data dictionary of the shared module's tables (shared/V1_0_20__data_dictionary.sql): each
-- table and every column described and classified (PERSONAL, SPECIAL_CATEGORY, PERSONNEL,
-- OPERATIONAL), then written as their COMMENTs. A migration that adds a table or column adds
-- its row here too; DataDictionaryTests names any column left out, and any row left stale.
delete from data_dictionary_table where module = 'shared';

insert into data_dictionary_table (table_name, module, description) values
  ('bank_holiday', 'shared', 'Bank holidays of England and Wales (gov.uk), from which business days are counted.'),
  ('business_calendar', 'shared', 'Every day with whether it is a business day and its business-day sequence number, for BD(d, n) joins (measures.md).'),
  ('data_dictionary_table', 'shared', 'The data dictionary: every table of the schema with the module that owns it and what it holds.'),
  ('data_dictionary_column', 'shared', 'The data dictionary: every column with its classification (PERSONAL, SPECIAL_CATEGORY, PERSONNEL, OPERATIONAL) and what it holds.');

insert into data_dictionary_column (table_name, column_name, classification, description) values
  ('bank_holiday', 'holiday_date', 'OPERATIONAL', 'The day of the bank holiday'),
  ('bank_holiday', 'title', 'OPERATIONAL', 'Its name, as gov.uk gives it'),
  ('business_calendar', 'day', 'OPERATIONAL', 'The calendar day'),
  ('business_calendar', 'business_day', 'OPERATIONAL', 'True on Monday to Friday except bank holidays'),
  ('business_calendar', 'seq', 'OPERATIONAL', 'Running number of business days up to and including this day (BD(d, n) is the business day whose seq is seq(d) + n)'),
  ('data_dictionary_table', 'table_name', 'OPERATIONAL', 'Name of the table described'),
  ('data_dictionary_table', 'module', 'OPERATIONAL', 'The module whose migrations create and own the table'),
  ('data_dictionary_table', 'description', 'OPERATIONAL', 'What the table holds (also its COMMENT)'),
  ('data_dictionary_column', 'table_name', 'OPERATIONAL', 'Table of the column'),
  ('data_dictionary_column', 'column_name', 'OPERATIONAL', 'Name of the column described'),
  ('data_dictionary_column', 'classification', 'OPERATIONAL', 'PERSONAL, SPECIAL_CATEGORY (protected characteristics and health), PERSONNEL (staff performance, plans, training) or OPERATIONAL'),
  ('data_dictionary_column', 'description', 'OPERATIONAL', 'What the column holds (also its COMMENT)');

select data_dictionary_comment('shared');
