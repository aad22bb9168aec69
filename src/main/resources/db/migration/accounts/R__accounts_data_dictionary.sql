-- The data dictionary of the accounts module's tables (shared/V1_0_20__data_dictionary.sql): each
-- table and every column described and classified (PERSONAL, SPECIAL_CATEGORY, PERSONNEL,
-- OPERATIONAL), then written as their COMMENTs. A migration that adds a table or column adds
-- its row here too; DataDictionaryTests names any column left out, and any row left stale.
delete from data_dictionary_table where module = 'accounts';

insert into data_dictionary_table (table_name, module, description) values
  ('account', 'accounts', 'Sign-in accounts of staff and API clients: role, data scope and password hash.'),
  ('case_access_log', 'accounts', 'Access log: every opening, listing or refusal of a case or a personnel record, by whom and when.'),
  ('sign_in', 'accounts', 'Every interactive sign-in (the form or an identity provider): who, when, how and from which address.'),
  ('sign_in_throttle', 'accounts', 'Failed sign-ins per account name and source address, so that a stranger''s wrong passwords slow only that stranger down.'),
  ('spring_session', 'accounts', 'Spring Session: signed-in web sessions, kept in PostgreSQL so that every node sees them.'),
  ('spring_session_attributes', 'accounts', 'Spring Session: serialised attributes of each session (the signed-in user''s security context, CSRF token).');

insert into data_dictionary_column (table_name, column_name, classification, description) values
  ('account', 'username', 'PERSONAL', 'Name the account signs in with; identifies a member of staff or a client system'),
  ('account', 'display_name', 'PERSONAL', 'Person''s name as shown on pages'),
  ('account', 'password_hash', 'PERSONAL', 'bcrypt hash of the password (a credential)'),
  ('account', 'role', 'OPERATIONAL', 'Role: ADMIN, QUALITY_TEAM, SENIOR_MANAGER, LINE_MANAGER, PRACTITIONER or API_CLIENT'),
  ('account', 'staff_code', 'PERSONAL', 'Staff code of the member of staff the account belongs to, for practitioners and managers'),
  ('account', 'unit_code', 'OPERATIONAL', 'Unit whose cases a manager sees (their team, LDU or region)'),
  ('account', 'enabled', 'OPERATIONAL', 'False when the account may not sign in'),
  ('account', 'failed_attempts', 'OPERATIONAL', 'Wrong passwords in a row (legacy count; throttling is per source in sign_in_throttle)'),
  ('account', 'locked_until', 'OPERATIONAL', 'Until when sign-in is refused (legacy; see sign_in_throttle)'),
  ('account', 'created_at', 'OPERATIONAL', 'When the account was created'),
  ('account', 'version', 'OPERATIONAL', 'Optimistic lock version of the account'),
  ('account', 'email', 'PERSONAL', 'Email address for alert mails'),
  ('account', 'personnel_access', 'OPERATIONAL', 'True when an administrator has granted this API client access to personnel records'),
  ('account', 'signs_in_with', 'OPERATIONAL', 'PASSWORD (a local account) or PROVIDER (made at a single sign-on, no password)'),
  ('account', 'provider', 'OPERATIONAL', 'The identity provider (registration id) a PROVIDER account signs in through'),
  ('sign_in', 'id', 'OPERATIONAL', 'Identifier of the entry'),
  ('sign_in', 'username', 'PERSONAL', 'Who signed in'),
  ('sign_in', 'signed_in_at', 'PERSONAL', 'When they signed in'),
  ('sign_in', 'method', 'OPERATIONAL', 'PASSWORD (the form) or PROVIDER (single sign-on)'),
  ('sign_in', 'provider', 'OPERATIONAL', 'The identity provider, for a PROVIDER sign-in'),
  ('sign_in', 'source', 'PERSONAL', 'Client IP address the sign-in came from'),
  ('case_access_log', 'id', 'OPERATIONAL', 'Identifier of the entry'),
  ('case_access_log', 'username', 'PERSONAL', 'Who opened, listed or was refused'),
  ('case_access_log', 'crn', 'PERSONAL', 'The case opened or refused (one case)'),
  ('case_access_log', 'accessed_at', 'OPERATIONAL', 'When'),
  ('case_access_log', 'outcome', 'OPERATIONAL', 'OPENED, LISTED, REFUSED_RESTRICTED or REFUSED_OUT_OF_SCOPE'),
  ('case_access_log', 'crns', 'PERSONAL', 'Every case a list or export showed'),
  ('case_access_log', 'shown', 'OPERATIONAL', 'What was shown: the page or export'),
  ('case_access_log', 'staff_code', 'PERSONAL', 'Staff member whose personnel record was opened or refused'),
  ('sign_in_throttle', 'username', 'PERSONAL', 'Account name tried'),
  ('sign_in_throttle', 'source', 'PERSONAL', 'Client IP address the attempts came from'),
  ('sign_in_throttle', 'failures', 'OPERATIONAL', 'Failures in a row since the last wait or success'),
  ('sign_in_throttle', 'blocks', 'OPERATIONAL', 'Waits imposed since the last success (each doubles the next, up to 15 minutes)'),
  ('sign_in_throttle', 'blocked_until', 'OPERATIONAL', 'Until when this source must wait before trying this account again'),
  ('sign_in_throttle', 'last_failure_at', 'OPERATIONAL', 'When the last failure happened'),
  ('spring_session', 'primary_id', 'OPERATIONAL', 'Internal key of the session'),
  ('spring_session', 'session_id', 'OPERATIONAL', 'Session identifier carried by the cookie (a bearer secret while valid)'),
  ('spring_session', 'creation_time', 'OPERATIONAL', 'When the session began (epoch milliseconds)'),
  ('spring_session', 'last_access_time', 'OPERATIONAL', 'When it was last used (epoch milliseconds)'),
  ('spring_session', 'max_inactive_interval', 'OPERATIONAL', 'Seconds of inactivity after which it expires (30 minutes)'),
  ('spring_session', 'expiry_time', 'OPERATIONAL', 'When it expires (epoch milliseconds)'),
  ('spring_session', 'principal_name', 'PERSONAL', 'Username of the signed-in user'),
  ('spring_session_attributes', 'session_primary_id', 'OPERATIONAL', 'The session the attribute belongs to'),
  ('spring_session_attributes', 'attribute_name', 'OPERATIONAL', 'Name of the attribute'),
  ('spring_session_attributes', 'attribute_bytes', 'PERSONAL', 'Serialised value: holds the user''s name, role and scope');

select data_dictionary_comment('accounts');
