-- The feedback loop (case-audit.md): the practitioner whose case was audited reads the
-- completed audit and says so, once; their line manager sees that they have.
create table case_audit_acknowledgement (
    audit_id bigint primary key references case_audit (audit_id),
    acknowledged_by text not null,
    acknowledged_at timestamptz not null,
    note text check (length(note) <= 2000)
);
