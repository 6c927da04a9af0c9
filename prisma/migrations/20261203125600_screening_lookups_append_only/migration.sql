-- The lookup log is evidence of who looked at whose health data: like audit events, the
-- database refuses to change or remove an entry. (Hand-written: Prisma does not model triggers.)
CREATE FUNCTION "screening_lookups_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'screening_lookups is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "screening_lookups_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "screening_lookups"
  FOR EACH ROW EXECUTE FUNCTION "screening_lookups_refuse_change"();

CREATE TRIGGER "screening_lookups_no_truncate"
  BEFORE TRUNCATE ON "screening_lookups"
  FOR EACH STATEMENT EXECUTE FUNCTION "screening_lookups_refuse_change"();
