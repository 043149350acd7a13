-- MariaDB only: the skeleton of every firearm registered before V18, as SerialNumbers.skeleton computes it
-- (fold O I L S B Z G, drop '.' and '/', strip leading zeros, '0' when nothing is left), and its reverse.
UPDATE firearm SET serial_skeleton = COALESCE(NULLIF(TRIM(LEADING '0' FROM
  REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(serial_normalized,
    '.', ''), '/', ''), 'O', '0'), 'I', '1'), 'L', '1'), 'S', '5'), 'B', '8'), 'Z', '2'), 'G', '6')), ''), '0')
WHERE serial_skeleton IS NULL;
UPDATE firearm SET serial_skeleton_reversed = REVERSE(serial_skeleton) WHERE serial_skeleton_reversed IS NULL;
