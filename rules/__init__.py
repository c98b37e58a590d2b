"""Rule packs (data): installed as ``budget_audit.rule_packs``; each YAML file is one family."""
