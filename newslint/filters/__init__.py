"""Stage 4: what every front end does to the rules' findings before reporting them."""
