-- Proxy signups are capped per proxier and event: the count reads this index.
ALTER TABLE event_signup ADD KEY idx_event_signup_proxier (proxied_by_type, proxied_by_id, event_id);
