"""Raw scraped article text: parse_text and to_text."""
