-- The supply chain's obligations (issue 15, point 6): an obligation of the register may be
-- held by one of a subcontractor's delivery units (a team or LDU marked as one); none
-- means the provider's own. The unit cannot stop being a delivery unit while an
-- obligation names it (Subcontractors refuses the removal with a message).
alter table obligation add column delivery_unit text references report_subcontractor_unit (unit_code);

create index obligation_delivery_unit on obligation (delivery_unit) where delivery_unit is not null;
