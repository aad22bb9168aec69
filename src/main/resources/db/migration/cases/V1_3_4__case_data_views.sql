-- The case data as the cases module publishes it for other modules' SQL: measures,
-- audits and the import's checks read these views, never the tables, so that the tables
-- can change behind them. PostgreSQL inlines a plain view, so a query through one is
-- planned as on the table.
create view case_person as select * from person;
create view case_event as select * from event;
create view case_requirement as select * from requirement;
create view case_contact as select * from contact;
create view case_plan as select * from plan;
create view case_referral as select * from referral;
create view case_accommodation as select * from accommodation;
