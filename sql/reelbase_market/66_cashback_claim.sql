-- Cashback is claimed the moment produced content is verified (seed 000: "pending -> claimed
-- when produced_content submitted and verified"), by this trigger, in the verifying
-- statement's transaction: no sweep, no delay.
--
-- The 30-day period is 720 hours, an exact span (see ReelbaseCore SweepRules): content counts
-- as in time when submitted_at <= purchased_at + 720 hours, the same rule market.expire_cashback
-- uses, so a transaction is either claimable or expirable, never both. Changing submitted_url
-- or platform is a resubmission and moves submitted_at to now(): otherwise a placeholder
-- submitted on day 1 and replaced later would meet the deadline with content made after it.
--
-- Two triggers. BEFORE: only shapes the row (submitted_at of a resubmission, verified_at).
-- AFTER: claims the cashback and refuses to unverify a claimed one. The claim must be AFTER,
-- because a BEFORE row trigger runs for rows that are then not written (INSERT ... ON CONFLICT
-- DO NOTHING drops the row after it; an ON CONFLICT DO UPDATE turns it into an update), and a
-- claim for a row never written would pay cashback for content nobody verified. An AFTER row
-- trigger fires only for rows the statement actually wrote, with their final values.
--
-- Neither function is SECURITY DEFINER. The AFTER trigger reads or writes market.transactions
-- only when verified becomes true or a verified row is changed, and only administrators (and
-- the owner) can do either: buyers have no privilege on verified, and their policies admit
-- only unverified rows. Administrators have SELECT and UPDATE on market.transactions and its
-- admin policy. search_path stays pinned.

-- verified_at is set exactly when verified is: the trigger keeps it so, and the table's check
-- produced_content_verified_at_iff_verified (51_tables_sales.sql) proves it.

CREATE FUNCTION market.produced_content_verification() RETURNS trigger
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- Changing what was submitted is a resubmission: its time is now, so the 30-day deadline
  -- cannot be met by a placeholder submitted early and replaced later. Buyers cannot write
  -- submitted_at at all; an administrator who sets it in the same statement keeps that value.
  IF TG_OP = 'UPDATE'
     AND (NEW.submitted_url IS DISTINCT FROM OLD.submitted_url OR NEW.platform IS DISTINCT FROM OLD.platform)
     AND NEW.submitted_at IS NOT DISTINCT FROM OLD.submitted_at THEN
    NEW.submitted_at := now();
  END IF;

  IF NOT NEW.verified THEN
    NEW.verified_at := NULL;
  ELSIF TG_OP = 'UPDATE' AND OLD.verified THEN
    -- Still verified: keeps its time of verification unless one is given.
    NEW.verified_at := coalesce(NEW.verified_at, OLD.verified_at);
  ELSE
    -- Becomes verified now (INSERT verified, or UPDATE false -> true); the AFTER trigger claims.
    NEW.verified_at := coalesce(NEW.verified_at, now());
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION market.produced_content_verification() IS
  'BEFORE trigger of market.produced_content: sets submitted_at to now() when submitted_url or platform changes (a resubmission), and keeps verified_at set iff verified.';
REVOKE EXECUTE ON FUNCTION market.produced_content_verification() FROM PUBLIC;

CREATE TRIGGER produced_content_verification
  BEFORE INSERT OR UPDATE ON market.produced_content
  FOR EACH ROW EXECUTE FUNCTION market.produced_content_verification();
COMMENT ON TRIGGER produced_content_verification ON market.produced_content IS
  'A changed submission is resubmitted now; verified_at follows verified.';

CREATE FUNCTION market.produced_content_claim() RETURNS trigger
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.verified THEN
    -- A claimed cashback has been paid out (or promised): taking its proof away, or moving the
    -- proof to another purchase, would leave a claim without a verified submission.
    IF (NOT NEW.verified OR NEW.transaction_id IS DISTINCT FROM OLD.transaction_id)
       AND EXISTS (SELECT 1 FROM market.transactions t
                   WHERE t.id = OLD.transaction_id AND t.cashback_status = 'claimed') THEN
      RAISE EXCEPTION 'produced content % backs a claimed cashback', OLD.id
        USING ERRCODE = '55000',
              DETAIL = format('Transaction %s has cashback_status ''claimed''.', OLD.transaction_id),
              HINT = 'Correct the transaction''s cashback_status first if the claim itself was wrong.';
    END IF;
    RETURN NULL;
  END IF;
  IF NOT NEW.verified THEN
    RETURN NULL;
  END IF;

  -- Became verified (INSERT verified, or UPDATE false -> true), and the row was written: claim.
  UPDATE market.transactions t SET cashback_status = 'claimed'
  WHERE t.id = NEW.transaction_id
    AND t.cashback_status = 'pending'
    AND t.cashback_eligible
    AND NEW.submitted_at <= t.purchased_at + interval '720 hours';
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION market.produced_content_claim() IS
  'AFTER trigger of market.produced_content: claims the transaction''s cashback when written content becomes verified (pending, eligible, submitted within 30 days of the purchase), and refuses (55000) to unverify or move content whose cashback is claimed.';
REVOKE EXECUTE ON FUNCTION market.produced_content_claim() FROM PUBLIC;

CREATE TRIGGER produced_content_claim
  AFTER INSERT OR UPDATE ON market.produced_content
  FOR EACH ROW EXECUTE FUNCTION market.produced_content_claim();
COMMENT ON TRIGGER produced_content_claim ON market.produced_content IS
  'Verification claims cashback at once, for rows actually written.';
