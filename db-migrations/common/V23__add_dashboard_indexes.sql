-- The dashboard counts the whole registry by status, type and place, and the custody events of the last days.
-- One covering index lets the three counts be read in a single pass over the index instead of the table
-- (about 4 s at a million firearms without it); custody events are read by time for the activity chart.
CREATE INDEX ix_firearm_live_status_type_location ON firearm (live, status, firearm_type_id, location_id);
CREATE INDEX ix_custody_event_server_time ON custody_event (server_time);
