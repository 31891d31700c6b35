from rightslens.grievances.testing import started_long_ago


def submission(**overrides):
    return {
        "content": "The CV tool rejected me within minutes.",
        "name": "",
        "contact": "",
        "website": "",
        "started": started_long_ago(),
    } | overrides
