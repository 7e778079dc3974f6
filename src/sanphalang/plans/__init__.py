"""Plans and people's agendas, agreements (MOUs), projects with targets and their progress, area charters and
registrations (S4, S7, S10, S14)."""
