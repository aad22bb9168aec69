-- An optional email address: where alerts for a line manager are sent when mail is configured.
alter table account add column email text;
