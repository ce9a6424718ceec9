"""SQL the reference servers share (bench/reference.py, bench/floor.py)."""

# The parties of a page of documents, linked records limited to published ones.
PARTIES = """
SELECT a.document_id, a.role, a.note, pe.identifier, pe.name, o.identifier, o.name
FROM catalogue_documentagent a
LEFT JOIN catalogue_person pe ON pe.id = a.person_id
LEFT JOIN catalogue_organisation o ON o.id = a.organisation_id
WHERE a.document_id IN ({ids})
  AND (pe.id IS NULL OR pe.status = 'published') AND (o.id IS NULL OR o.status = 'published')
ORDER BY a."order", a.id
"""
