"""Reading Thai reports (pasted text, .txt, .docx, text PDFs) into drafts of the records they describe."""
