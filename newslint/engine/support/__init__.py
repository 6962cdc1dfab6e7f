"""Helpers shared by several rule kinds (not kinds themselves): page layout and boxes, phrase
indexes, word lexicons, required literals, positions, the personal register, spelling."""
