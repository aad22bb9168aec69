-- Every interactive sign-in (form or identity provider), for other modules' SQL: a subject
-- access request for a member of staff lists their sign-ins.
create view account_sign_in as
select username, signed_in_at, method, provider, source from sign_in;
