"""Short synthetic instruments written for the tests (not real laws)."""

PORTUGUESE_BILL = """PROJETO DE LEI Nº 1234, DE 2025
Dispõe sobre o uso responsável de sistemas de inteligência artificial.

Art. 1º Esta Lei estabelece normas para o desenvolvimento e o uso de sistemas de inteligência artificial, com fundamento nos tratados internacionais de direitos humanos ratificados pelo Brasil.

Art. 2º Esta Lei não se aplica aos sistemas de inteligência artificial desenvolvidos ou utilizados exclusivamente para fins de defesa nacional.

Art. 3º O fornecedor de sistema de alto risco deverá realizar avaliação de impacto algorítmico antes de sua introdução no mercado e garantir monitoramento contínuo durante todo o seu funcionamento.

Art. 4º A pessoa afetada por decisão automatizada tem o direito de contestar a decisão e de solicitar revisão humana.

Art. 5º A autoridade competente poderá aplicar multa de até 2% do faturamento em caso de infração.
"""

FRENCH_DECREE = """Décret n° 2025-321 relatif aux systèmes d'intelligence artificielle utilisés par les administrations

Article 1
Le présent décret s'applique aux systèmes d'intelligence artificielle utilisés par l'administration publique et par les organismes publics.

Article 2
Avant leur mise en service, l'administration publique doit réaliser une analyse d'impact sur les droits fondamentaux et publier une synthèse de cette analyse.

Article 3
Le présent décret ne s'applique pas aux traitements mis en œuvre pour les besoins de la sécurité nationale, sous réserve qu'ils soient strictement nécessaires et proportionnés.

Article 4
Toute personne concernée peut former un recours devant le juge administratif.
"""

ENGLISH_ACT_WITH_BLANKET_EXEMPTION = """Artificial Intelligence (Safety) Act

Section 1 Scope
This Act applies to providers and deployers of AI systems.

Section 2 Exclusions
This Act shall not apply to AI systems developed or used for military, defence or national security purposes.

Section 3 Duties
Providers shall carry out a human rights impact assessment before placing a system on the market.
"""
