-- A PL/pgSQL stand-in for market.purchase_listing, created in the benchmark database ONLY when
-- the real function (another branch) is not installed. It takes the same locks in the same
-- order (the concept FOR UPDATE, then the listing FOR UPDATE), inserts the transaction and
-- counts the sale, so a purchase meets a sweep the way the real one would.
CREATE FUNCTION market.purchase_listing(p_listing_window_id uuid) RETURNS uuid
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  l market.listing_windows;
  tid uuid;
BEGIN
  PERFORM 1 FROM market.concepts c
  WHERE c.id = (SELECT concept_id FROM market.listing_windows WHERE id = p_listing_window_id) FOR UPDATE;
  SELECT * INTO STRICT l FROM market.listing_windows WHERE id = p_listing_window_id FOR UPDATE;
  INSERT INTO market.transactions (buyer_id, concept_id, listing_window_id, market_context_id, price_paid,
                                   currency_code, cashback_amount)
  VALUES (reelbase.current_user_id(), l.concept_id, l.id, l.market_context_id, l.listed_price, 'USD',
          round(l.listed_price * 0.12, 2))
  RETURNING id INTO tid;
  UPDATE market.listing_windows SET sold_count = sold_count + 1 WHERE id = l.id;
  RETURN tid;
END
$$;
