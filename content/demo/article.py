"""Demo content: possible causes of failed implantation and pregnancy loss.

Pure data for a patient-education article published by the fictional
Brightnest Fertility Network. Internal links use ``@slug:SLUG`` references
that the importer resolves to pages of this article.
"""

from __future__ import annotations

ORGANISATION = {
    "organisation_name": "Brightnest Fertility Network",
    "contact_email": "hello@example.org",
    "registered_in": "United Kingdom",
    "copyright_line": "All rights reserved.",
    "disclaimer": (
        "<p>Brightnest Fertility Network is a platform that helps people find and get "
        "in touch with our partner clinics. We do not provide medical treatment of any "
        "kind, and nothing on this website is medical advice. Any medical guidance you "
        "receive comes from the clinics themselves, independently of us. For questions "
        "about your own health or treatment, please speak to your clinic.</p>"
    ),
}

HUB = {
    "title": "Possible causes of failed implantation and pregnancy loss",
    "slug": "causes-of-failed-implantation-and-pregnancy-loss",
    "intro": (
        "<p>A negative pregnancy test after treatment, or the loss of a pregnancy, can "
        "be deeply painful. Many people describe it as traumatic and devastating, and "
        "whatever you are feeling is valid. Allowing yourself time and space to grieve "
        "matters, whenever and however the loss happened.</p><p>You do not have to go "
        "through this alone. A grief counsellor can offer a safe place to talk things "
        "through, and your clinic may be able to suggest one.</p>"
    ),
    "support_note": (
        "<p><b>A gentle note before you read on.</b> This page talks about failed "
        "implantation and pregnancy loss, which can be painful to read about, "
        "especially if it has happened to you recently. Please go at your own pace and "
        "take a break whenever you need one. If you would like support, your clinic's "
        "counselling service, a grief counsellor or someone close to you can help. You "
        'can also find <a href="https://example.org/support">support options on our '
        "website</a> or write to us at hello@example.org, and we will point you "
        "towards the help available through our partner clinics.</p>"
    ),
    "body": [
        {
            "type": "heading",
            "value": {
                "text": "Why does this happen?",
                "level": "h2",
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>There is rarely one simple answer. Many different things can "
                "affect whether an embryo implants and whether a pregnancy continues, "
                "and often the exact reason is never found. Not knowing can be hard in "
                "itself, but it is not a sign that you did something wrong.</p>"
            ),
        },
        {
            "type": "paragraph",
            "value": (
                "<p>For a pregnancy to succeed, several things usually need to come "
                "together:</p><ul><li>an embryo of good quality;</li><li>a uterus "
                "(womb) that is ready to receive it, often called a receptive "
                "uterus;</li><li>the right conditions in the rest of the body for the "
                "pregnancy to develop.</li></ul><p>If any one of these is affected, an "
                "embryo may not implant, or a pregnancy may stop developing.</p>"
            ),
        },
        {
            "type": "heading",
            "value": {
                "text": "Three groups of possible causes",
                "level": "h2",
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>To make things easier to follow, we have sorted the possible "
                "causes into three groups that match what a pregnancy needs: <a "
                'linktype="page" id="@slug:embryonic">causes linked to the '
                'embryo</a>, <a linktype="page" id="@slug:uterine">causes linked '
                'to the uterus</a> and <a linktype="page" '
                'id="@slug:systemic">causes elsewhere in the body</a>. Each page '
                "explains a cause in plain words and suggests what you might like to "
                "ask your clinic about it.</p>"
            ),
        },
        {
            "type": "page_link",
            "value": {
                "page": "@slug:embryonic",
                "link_text": "Read about embryonic causes",
            },
        },
        {
            "type": "page_link",
            "value": {
                "page": "@slug:uterine",
                "link_text": "Read about uterine causes",
            },
        },
        {
            "type": "page_link",
            "value": {
                "page": "@slug:systemic",
                "link_text": "Read about systemic causes",
            },
        },
        {
            "type": "callout",
            "value": {
                "kind": "support",
                "title": "Looking after yourself",
                "message": (
                    "<p>Reading about possible causes can bring up difficult feelings, "
                    "and it is completely understandable to need a pause. Talking to a "
                    "grief counsellor, a partner, a friend or others who have been "
                    "through something similar may help. Your clinic can tell you what "
                    "emotional support it offers.</p>"
                ),
            },
        },
        {
            "type": "quote",
            "value": {
                "text": (
                    "I kept searching for the one thing I had done wrong. Talking to a "
                    "counsellor helped me see that grieving was not the same as "
                    "blaming myself."
                ),
                "attribution": "A patient in our community",
            },
        },
        {
            "type": "faq",
            "value": {
                "question": "Will my clinic be able to find the cause?",
                "answer": (
                    "<p>Sometimes, but not always. Your clinic may suggest tests based "
                    "on your history, and in some cases no clear cause is found. Even "
                    "then, your clinic can talk you through the options that may be "
                    "open to you.</p>"
                ),
            },
        },
        {
            "type": "heading",
            "value": {
                "text": "Words you may come across",
                "level": "h2",
            },
        },
        {
            "type": "bullet_list",
            "value": {
                "items": [
                    (
                        "Endometrium: the lining of the uterus (womb), which thickens "
                        "during each cycle and is where an embryo implants."
                    ),
                    (
                        "Implantation: the point at which an embryo attaches itself to "
                        "the lining of the uterus, the first step of a pregnancy."
                    ),
                    (
                        "Embryo transfer: the step in IVF when an embryo is placed "
                        "into the uterus."
                    ),
                    (
                        "IVF (in vitro fertilisation): a treatment in which eggs are "
                        "fertilised by sperm in a laboratory, and an embryo is then "
                        "transferred to the uterus."
                    ),
                    (
                        "Hydrosalpinx: a blocked fallopian tube that has filled with "
                        "fluid."
                    ),
                    (
                        "Septate uterus: a uterus that is divided inside, partly or "
                        "fully, by a wall of tissue called a septum."
                    ),
                    (
                        "Unicornuate uterus: a smaller uterus in which only one side "
                        "has developed."
                    ),
                    (
                        "Bicornuate uterus: a uterus with a dip at the top, giving it "
                        "a heart-like shape with two 'horns'."
                    ),
                    (
                        "Natural killer (NK) cells: a type of immune cell; some are "
                        "found in the lining of the uterus, where they are thought to "
                        "help in early pregnancy."
                    ),
                    (
                        "Antiphospholipid syndrome (APS): an autoimmune condition that "
                        "makes the blood more likely to form clots."
                    ),
                    (
                        "Lupus: a long-term autoimmune condition that can cause "
                        "inflammation in many parts of the body."
                    ),
                    (
                        "Alloimmune: relating to the immune system's response to "
                        "genetic material from another person, such as the partly "
                        "'foreign' embryo in a pregnancy."
                    ),
                    (
                        "Endometriosis: a long-term condition in which tissue similar "
                        "to the lining of the uterus grows outside the uterus."
                    ),
                    (
                        "Polyp: a small growth from the lining of the uterus, usually "
                        "not cancerous."
                    ),
                    (
                        "Fibroid: a non-cancerous growth of muscle tissue in or around "
                        "the wall of the uterus."
                    ),
                    (
                        "Adhesion: a band of scar tissue that can make surfaces stick "
                        "together, such as the walls of the uterus."
                    ),
                ],
            },
        },
    ],
    "outlook_heading": "There is often something that can be done",
    "outlook": (
        "<p>Although it may not feel like it right now, many of the causes described "
        "here can be treated or managed. For example, medication that helps the lining "
        "of the uterus grow thicker, or that brings thyroid hormone levels back into "
        "balance, can improve the chances of a future pregnancy. Your clinic is the "
        "right place to talk through what might apply to you and which options, if "
        "any, suit your situation.</p>"
    ),
    "categories": [
        {
            "slug": "embryonic",
            "title": "Embryonic causes",
            "summary": (
                "Causes linked to the embryo itself: how it develops, its genetics "
                "and, in IVF, its quality in the lab."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The embryo is the very first stage of a pregnancy. "
                        "Sometimes the reason an embryo does not implant, or a "
                        "pregnancy ends early, lies with the embryo itself, usually in "
                        "how it develops and whether its genetic material is complete. "
                        "These changes often happen by chance.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        '<p>This section covers <a linktype="page" '
                        'id="@slug:embryo-development-and-genetics">embryo '
                        'development and genetics</a> and <a linktype="page" '
                        'id="@slug:embryo-quality-in-ivf">embryo quality in '
                        "IVF</a>.</p>"
                    ),
                },
                {
                    "type": "page_link",
                    "value": {
                        "page": (
                            "@slug:causes-of-failed-implantation-and-pregnancy-loss"
                        ),
                        "link_text": "Back to the overview of possible causes",
                    },
                },
            ],
            "causes": [
                {
                    "slug": "embryo-development-and-genetics",
                    "title": "Embryo development and genetics",
                    "summary": (
                        "An embryo that does not develop as expected has a lower "
                        "chance of implanting, and a higher chance of carrying genetic "
                        "changes that can stop a pregnancy from starting or continuing."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": (
                                    "How an embryo's development and genes play a part"
                                ),
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>In its first few days, an embryo grows through a "
                                "series of cell divisions. When this does not happen "
                                "in the usual way, the embryo is less likely to attach "
                                "to the lining of the uterus, a step known as "
                                "implantation.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>When development goes off course, the embryo is "
                                "also more likely to have genetic abnormalities, such "
                                "as missing or extra genetic material. These can "
                                "prevent implantation altogether, or cause a pregnancy "
                                "to stop developing after it has implanted, which may "
                                "lead to a pregnancy loss. In IVF, how an embryo grows "
                                "in the lab can offer some clues: see <a "
                                'linktype="page" '
                                'id="@slug:embryo-quality-in-ivf">embryo quality in '
                                "IVF</a>.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "kind": "support",
                                "title": "This is not your fault",
                                "message": (
                                    "<p>Genetic changes in an embryo usually happen by "
                                    "chance as its cells divide. They are not caused "
                                    "by anything you did or did not do. If guilt or "
                                    "grief feel heavy, a grief counsellor can help.</p>"
                                ),
                            },
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "What you could talk about with your clinic",
                                "description": (
                                    "<p>Your clinic can explain whether any tests "
                                    "might be useful in your situation. For some "
                                    "people having IVF, this may include genetic "
                                    "testing of embryos before transfer. Whether it is "
                                    "suitable for you, and what it can and cannot tell "
                                    "you, is something to go through carefully with "
                                    "your clinic's team.</p>"
                                ),
                            },
                        },
                        {
                            "type": "faq",
                            "value": {
                                "question": "Does one loss mean it will happen again?",
                                "answer": (
                                    "<p>Not necessarily. Many genetic changes happen "
                                    "by chance in a single embryo. Your clinic is the "
                                    "best place to talk about your own history and "
                                    "what it may mean for you.</p>"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "embryo-quality-in-ivf",
                        "alloimmune-causes",
                    ],
                },
                {
                    "slug": "embryo-quality-in-ivf",
                    "title": "Embryo quality in IVF",
                    "summary": (
                        "In IVF, embryos of poorer quality, or that grow slowly in the "
                        "lab, implant less often than good-quality embryos developing "
                        "at a normal pace."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "Why embryo quality matters in IVF",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>During IVF (in vitro fertilisation), eggs are "
                                "fertilised outside the body and the embryos are cared "
                                "for in the laboratory for a few days. Embryologists "
                                "watch how each one grows and assess its quality "
                                "before an embryo is placed in the uterus, a step "
                                "called embryo transfer.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Embryos judged to be of poor quality, or that "
                                "develop more slowly than expected, implant less "
                                "often. After transfer, they are also more likely to "
                                "stop developing. Good-quality embryos that grow at a "
                                "normal pace in the laboratory, by comparison, have a "
                                "better chance of implanting and carrying on growing. "
                                "Slow or uneven growth can sometimes be linked to <a "
                                'linktype="page" '
                                'id="@slug:embryo-development-and-genetics">the '
                                "embryo's genetics</a>.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "kind": "info",
                                "title": "Grading is a guide, not a promise",
                                "message": (
                                    "<p>Grading helps clinics choose which embryo to "
                                    "transfer, but it cannot predict the outcome for "
                                    "certain. Lower-graded embryos sometimes lead to "
                                    "healthy pregnancies, and top-graded embryos do "
                                    "not always implant.</p>"
                                ),
                            },
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Options to talk through with your clinic",
                                "description": (
                                    "<p>If embryo quality has been a concern, your "
                                    "clinic may go back over your previous cycle with "
                                    "you. They might discuss changes to the medication "
                                    "used to stimulate the ovaries, how long embryos "
                                    "are grown in the lab, or whether further tests "
                                    "could help. Which options, if any, suit you is a "
                                    "decision for you and your clinic together.</p>"
                                ),
                            },
                        },
                        {
                            "type": "page_link",
                            "value": {
                                "page": "@slug:uterine",
                                "link_text": (
                                    "The uterus plays a part too: read about uterine "
                                    "causes"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "embryo-development-and-genetics",
                        "thin-endometrium",
                    ],
                },
            ],
        },
        {
            "slug": "uterine",
            "title": "Uterine causes",
            "summary": (
                "Causes linked to the uterus (womb): its lining, its shape, and what "
                "grows in it or reaches it."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>For an embryo to implant and grow, the uterus needs to be "
                        "receptive. That means a lining that is thick and healthy "
                        "enough, a balanced environment, and enough room for a "
                        "pregnancy to develop. Several things can affect this, and "
                        "some of them can be treated.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        '<p>This section covers <a linktype="page" '
                        'id="@slug:thin-endometrium">thin endometrium</a>, <a '
                        'linktype="page" id="@slug:uterine-microbiome">uterine '
                        'microbiome imbalance</a>, <a linktype="page" '
                        'id="@slug:polyps-fibroids-and-adhesions">polyps, fibroids '
                        'and adhesions</a>, <a linktype="page" '
                        'id="@slug:congenital-uterine-anomalies">congenital uterine '
                        'anomalies</a>, <a linktype="page" '
                        'id="@slug:hydrosalpinx">hydrosalpinx</a> and <a '
                        'linktype="page" id="@slug:uterine-nk-cells">uterine NK '
                        "cells</a>.</p>"
                    ),
                },
            ],
            "causes": [
                {
                    "slug": "thin-endometrium",
                    "title": "Thin endometrium",
                    "summary": (
                        "The lining of the uterus may not be thick enough to give an "
                        "embryo the best chance of implanting and developing."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "When the lining of the uterus is thin",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The endometrium is the lining of the uterus. It "
                                "builds up during each menstrual cycle to get ready "
                                "for a possible pregnancy, and it is where an embryo "
                                "implants. Clinics often measure its thickness with an "
                                "ultrasound scan before an embryo transfer.</p>"
                            ),
                        },
                        {
                            "type": "image",
                            "value": {
                                "image": "@image:uterine-lining",
                                "alt_text": (
                                    "Two simplified drawings of the uterus side by "
                                    "side. On the left the lining inside it is a thick "
                                    "band; on the right it is a thin line."
                                ),
                                "caption": (
                                    "A typical lining (left) and a thin lining "
                                    "(right), simplified."
                                ),
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>If the lining is thinner than ideal, it may be "
                                "harder for an embryo to implant, and a pregnancy that "
                                "does implant may not develop as well. A thin lining "
                                "can have different possible reasons, including "
                                "hormone levels or scarring after earlier procedures "
                                "or infections, which is covered on our page about <a "
                                'linktype="page" '
                                'id="@slug:polyps-fibroids-and-adhesions">polyps, '
                                "fibroids and adhesions</a>.</p>"
                            ),
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Ways your clinic might help",
                                "description": (
                                    "<p>Medication that helps the lining grow thicker "
                                    "may improve the chances of implantation for some "
                                    "people. Your clinic may also suggest changing the "
                                    "timing of a transfer, or looking into why the "
                                    "lining is staying thin. They can explain which of "
                                    "these options, if any, might suit you.</p>"
                                ),
                            },
                        },
                        {
                            "type": "faq",
                            "value": {
                                "question": (
                                    "Is there anything I can do myself to thicken my "
                                    "lining?"
                                ),
                                "answer": (
                                    "<p>It is natural to want to do something. Please "
                                    "talk to your clinic before trying any supplements "
                                    "or remedies, so that they can tell you what is "
                                    "safe and likely to be useful in your "
                                    "situation.</p>"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "polyps-fibroids-and-adhesions",
                        "uterine-microbiome",
                        "thyroid-problems",
                    ],
                },
                {
                    "slug": "uterine-microbiome",
                    "title": "Uterine microbiome imbalance",
                    "summary": (
                        "The mix of bacteria in the uterus may be out of balance, with "
                        "an excess of harmful bacteria or a shortage of helpful ones."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "The balance of bacteria in the uterus",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Like the gut, the uterus is home to its own "
                                "community of bacteria, known as the uterine "
                                "microbiome. When it is in balance, beneficial "
                                "bacteria are thought to help create a healthy "
                                "environment for an embryo.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>An imbalance means there are too many harmful "
                                "bacteria, too few beneficial ones, or both. This may "
                                "make the uterus less receptive and affect "
                                "implantation and early development. It is a newer "
                                "area of research that is still being studied, so not "
                                "every clinic looks for it as a matter of routine. It "
                                "can help to think about it alongside other aspects of "
                                'the lining, such as a <a linktype="page" '
                                'id="@slug:thin-endometrium">thin '
                                "endometrium</a>.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "kind": "info",
                                "title": "A growing field",
                                "message": (
                                    "<p>Scientists are still learning what a healthy "
                                    "uterine microbiome looks like and how much it "
                                    "affects fertility. You can ask your clinic how "
                                    "they approach it and what the current evidence "
                                    "shows.</p>"
                                ),
                            },
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "What may be offered",
                                "description": (
                                    "<p>Some clinics offer a test that looks at the "
                                    "bacteria in a small sample of the uterine lining. "
                                    "If an imbalance or infection is found, treatment "
                                    "such as antibiotics, sometimes followed by "
                                    "probiotics, may be discussed. Your clinic can "
                                    "explain whether testing or treatment is worth "
                                    "considering for you.</p>"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "thin-endometrium",
                        "hydrosalpinx",
                    ],
                },
                {
                    "slug": "polyps-fibroids-and-adhesions",
                    "title": "Polyps, fibroids and adhesions",
                    "summary": (
                        "Growths or scar tissue inside the uterus can get in the way "
                        "of an embryo implanting and developing."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "Growths and scar tissue in the uterus",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Sometimes something inside the uterus takes up "
                                "space or changes its surface. Three common examples "
                                "are:</p><ul><li><b>polyps</b>: small growths from the "
                                "lining of the uterus, which are usually not "
                                "cancerous;</li><li><b>fibroids</b>: non-cancerous "
                                "growths of muscle tissue in or around the wall of the "
                                "uterus;</li><li><b>adhesions</b>: bands of scar "
                                "tissue that can form after surgery, infection or "
                                "other damage, and may make the walls of the uterus "
                                "stick together.</li></ul>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Depending on their size and position, these can "
                                "interfere with implantation and with how a pregnancy "
                                "develops. Adhesions can also leave the lining thinner "
                                'in places, which links to <a linktype="page" '
                                'id="@slug:thin-endometrium">thin endometrium</a>. '
                                "Many people have polyps or fibroids without any "
                                "problems, so finding one does not necessarily mean it "
                                "is the cause.</p>"
                            ),
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Possible next steps with your clinic",
                                "description": (
                                    "<p>Your clinic may suggest a scan or a "
                                    "hysteroscopy, in which a thin camera is used to "
                                    "look inside the uterus. Polyps, some fibroids and "
                                    "adhesions can often be removed or treated during "
                                    "a procedure like this. Your clinic can talk "
                                    "through whether treatment is likely to help and "
                                    "what it would involve.</p>"
                                ),
                            },
                        },
                        {
                            "type": "page_link",
                            "value": {
                                "page": "@slug:congenital-uterine-anomalies",
                                "link_text": (
                                    "Read about differences in the shape of the uterus"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "thin-endometrium",
                        "congenital-uterine-anomalies",
                    ],
                },
                {
                    "slug": "congenital-uterine-anomalies",
                    "title": "Congenital uterine anomalies",
                    "summary": (
                        "Some people are born with a uterus that is shaped "
                        "differently, such as a septate, unicornuate or bicornuate "
                        "uterus."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "A uterus shaped differently from birth",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The uterus forms before birth, and in some people "
                                "it develops with a different shape. This is known as "
                                "a congenital uterine anomaly. Many people only find "
                                "out they have one during a scan or fertility "
                                "investigations.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The main types described here "
                                "are:</p><ul><li><b>septate uterus</b>: a wall of "
                                "tissue, called a septum, divides the inside of the "
                                "uterus partly or completely;</li><li><b>unicornuate "
                                "uterus</b>: only one side of the uterus develops, so "
                                "it is smaller than usual;</li><li><b>bicornuate "
                                "uterus</b>: the top of the uterus dips inwards, "
                                "giving it a heart-like shape with two "
                                "'horns'.</li></ul>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>A different shape may affect the space or blood "
                                "supply available to an embryo, which could make "
                                "implantation or continued development harder. The "
                                "effect varies a great deal between types and between "
                                "people. Other changes inside the uterus are covered "
                                'under <a linktype="page" '
                                'id="@slug:polyps-fibroids-and-adhesions">polyps, '
                                "fibroids and adhesions</a>.</p>"
                            ),
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Options your clinic may discuss",
                                "description": (
                                    "<p>Whether anything needs to be done depends on "
                                    "the type. A septum can sometimes be removed in a "
                                    "procedure carried out through the cervix. For "
                                    "other shapes, surgery is suggested less often, "
                                    "and your clinic may focus on closer monitoring "
                                    "instead. Your clinic can explain what applies to "
                                    "you.</p>"
                                ),
                            },
                        },
                        {
                            "type": "faq",
                            "value": {
                                "question": (
                                    "Can I still have a baby with a differently shaped "
                                    "uterus?"
                                ),
                                "answer": (
                                    "<p>Many people with a congenital uterine anomaly "
                                    "do have successful pregnancies. Your clinic can "
                                    "explain what your particular shape may mean for "
                                    "you.</p>"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "polyps-fibroids-and-adhesions",
                        "thin-endometrium",
                    ],
                },
                {
                    "slug": "hydrosalpinx",
                    "title": "Hydrosalpinx",
                    "summary": (
                        "When a fallopian tube is blocked and fills with fluid, that "
                        "fluid can leak into the uterus and make implantation harder."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "When a blocked tube fills with fluid",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The fallopian tubes connect the ovaries to the "
                                "uterus. If the end of a tube becomes blocked, often "
                                "after an infection or surgery, fluid can collect "
                                "inside it. A swollen, fluid-filled tube is called a "
                                "hydrosalpinx.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>This fluid can leak from the blocked tube into the "
                                "uterus. It is thought that it may wash an embryo "
                                "away, or create surroundings that make it harder for "
                                "the embryo to implant and develop. That is why a "
                                "hydrosalpinx can matter in IVF, even though IVF does "
                                "not rely on the tubes. It can also go hand in hand "
                                'with other conditions, such as <a linktype="page" '
                                'id="@slug:endometriosis">endometriosis</a>.</p>'
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "kind": "info",
                                "title": "How it is usually found",
                                "message": (
                                    "<p>A hydrosalpinx is often picked up on an "
                                    "ultrasound scan, or on a test that checks whether "
                                    "the tubes are open. Your clinic can tell you "
                                    "which tests they use.</p>"
                                ),
                            },
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "What can be done",
                                "description": (
                                    "<p>Before an embryo transfer, your clinic may "
                                    "discuss treating the affected tube, for example "
                                    "by removing it or blocking it off so the fluid "
                                    "can no longer reach the uterus. They will explain "
                                    "the possible benefits and risks, and whether this "
                                    "is right for you.</p>"
                                ),
                            },
                        },
                        {
                            "type": "page_link",
                            "value": {
                                "page": "@slug:uterine",
                                "link_text": "See all uterine causes",
                            },
                        },
                    ],
                    "related": [
                        "endometriosis",
                        "uterine-microbiome",
                    ],
                },
                {
                    "slug": "uterine-nk-cells",
                    "title": "Uterine natural killer (NK) cells",
                    "summary": (
                        "Natural killer cells are part of the immune system in the "
                        "uterus. Having too many may affect how the placenta implants."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "Immune cells in the lining of the uterus",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Natural killer (NK) cells are a type of white "
                                "blood cell and part of the immune system. Despite "
                                "their name, the NK cells in the lining of the uterus, "
                                "known as uterine NK cells, are thought to play a "
                                "useful role in early pregnancy, including helping the "
                                "placenta and its blood supply to form.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Some research suggests that having too many "
                                "uterine NK cells may affect how the placenta "
                                "implants, which could contribute to failed "
                                "implantation or pregnancy loss. The immune system's "
                                "part in pregnancy is complex, and you can read more "
                                'about it on our pages on <a linktype="page" '
                                'id="@slug:autoimmune-diseases">autoimmune '
                                'diseases</a> and <a linktype="page" '
                                'id="@slug:alloimmune-causes">alloimmune '
                                "causes</a>.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "kind": "warning",
                                "title": "The evidence is still developing",
                                "message": (
                                    "<p>Experts do not yet agree on how best to test "
                                    "uterine NK cells, or on whether treating them "
                                    "improves outcomes. Before any test or treatment "
                                    "aimed at NK cells, it is worth asking your clinic "
                                    "what the evidence shows, and about possible side "
                                    "effects and costs.</p>"
                                ),
                            },
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Talking it through with your clinic",
                                "description": (
                                    "<p>Some clinics offer tests on the uterine lining "
                                    "to look at NK cells, and in some cases medication "
                                    "that acts on the immune system may be discussed. "
                                    "Your clinic can explain their approach and help "
                                    "you weigh up whether it is worth considering.</p>"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "autoimmune-diseases",
                        "alloimmune-causes",
                    ],
                },
            ],
        },
        {
            "slug": "systemic",
            "title": "Systemic causes",
            "summary": (
                "Causes elsewhere in the body, such as hormones and the immune system, "
                "that can affect implantation and pregnancy."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A pregnancy also depends on the right conditions in the "
                        "rest of the body. Hormones, the immune system and long-term "
                        "conditions can all play a part in whether an embryo implants "
                        "and goes on to develop.</p>"
                    ),
                },
                {
                    "type": "paragraph",
                    "value": (
                        '<p>This section covers <a linktype="page" '
                        'id="@slug:thyroid-problems">thyroid problems</a>, <a '
                        'linktype="page" id="@slug:autoimmune-diseases">autoimmune '
                        'diseases</a>, <a linktype="page" '
                        'id="@slug:alloimmune-causes">alloimmune causes</a> and <a '
                        'linktype="page" '
                        'id="@slug:endometriosis">endometriosis</a>.</p>'
                    ),
                },
            ],
            "causes": [
                {
                    "slug": "thyroid-problems",
                    "title": "Thyroid problems",
                    "summary": (
                        "An underactive or overactive thyroid can change reproductive "
                        "hormone levels and may affect implantation and development."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "How the thyroid can affect pregnancy",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The thyroid is a small gland at the front of the "
                                "neck. The hormones it makes help control how the body "
                                "uses energy, and they work closely with the "
                                "reproductive hormones that guide the menstrual cycle "
                                "and early pregnancy.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>When the thyroid makes too little hormone (an "
                                "underactive thyroid) or too much (an overactive "
                                "thyroid), it can change reproductive hormone levels. "
                                "This may affect implantation and how a pregnancy "
                                "develops. Some thyroid problems are caused by the "
                                "immune system, which links them to <a "
                                'linktype="page" '
                                'id="@slug:autoimmune-diseases">autoimmune '
                                "diseases</a>.</p>"
                            ),
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Treatment is often possible",
                                "description": (
                                    "<p>Thyroid problems are usually picked up with a "
                                    "simple blood test. If your levels are outside the "
                                    "expected range, medication that balances thyroid "
                                    "hormone levels can help improve outcomes. Your "
                                    "clinic, or your own doctor, can explain whether "
                                    "testing or treatment is right for you and how "
                                    "your levels would be checked.</p>"
                                ),
                            },
                        },
                        {
                            "type": "faq",
                            "value": {
                                "question": "Should my thyroid be checked?",
                                "answer": (
                                    "<p>This is a good question to ask your clinic. "
                                    "Many clinics check thyroid function as part of "
                                    "fertility tests, and they can tell you whether "
                                    "this has already been done.</p>"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "autoimmune-diseases",
                        "thin-endometrium",
                    ],
                },
                {
                    "slug": "autoimmune-diseases",
                    "title": "Autoimmune diseases",
                    "summary": (
                        "Conditions in which the immune system reacts against the "
                        "body's own tissues, such as antiphospholipid syndrome and "
                        "lupus, can affect implantation and pregnancy."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": (
                                    "When the immune system targets the body itself"
                                ),
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The immune system normally protects us from "
                                "infection. In an autoimmune disease, it mistakenly "
                                "reacts against the body's own tissues. Two autoimmune "
                                "conditions are especially relevant here.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p><b>Antiphospholipid syndrome (APS)</b> makes the "
                                "blood clot more easily than it should. These abnormal "
                                "clots can affect implantation and the development of "
                                "a pregnancy, for example by reducing the blood supply "
                                "to the developing placenta. <b>Lupus</b> is a "
                                "long-term condition in which the immune system can "
                                "cause inflammation in many parts of the body, such as "
                                "the joints, skin and kidneys. Some people with lupus "
                                "also have APS.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Because the immune system is involved, you may "
                                'also find our pages on <a linktype="page" '
                                'id="@slug:uterine-nk-cells">uterine NK cells</a> '
                                'and <a linktype="page" '
                                'id="@slug:thyroid-problems">thyroid problems</a> '
                                "helpful.</p>"
                            ),
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Managing these conditions",
                                "description": (
                                    "<p>APS is diagnosed with blood tests. If it is "
                                    "found, medication that lowers the risk of blood "
                                    "clots may be offered during treatment and "
                                    "pregnancy. Lupus is usually looked after by a "
                                    "specialist, and your clinic may work alongside "
                                    "them. Your clinic can explain what this might "
                                    "mean for you.</p>"
                                ),
                            },
                        },
                        {
                            "type": "callout",
                            "value": {
                                "kind": "info",
                                "title": "Already diagnosed?",
                                "message": (
                                    "<p>If you already live with an autoimmune "
                                    "condition, let your clinic know, so that they can "
                                    "take it into account when planning your care.</p>"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "uterine-nk-cells",
                        "thyroid-problems",
                        "alloimmune-causes",
                    ],
                },
                {
                    "slug": "alloimmune-causes",
                    "title": "Alloimmune causes",
                    "summary": (
                        "In some cases the embryo and the person carrying it may be "
                        "'too genetically similar', and the carrier's body may reject "
                        "the embryo."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "When the body may not recognise a pregnancy",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>An embryo carries genetic material from both the "
                                "egg and the sperm, so to the immune system of the "
                                "person carrying it, it is at least partly 'foreign'. "
                                "It is thought that the immune system normally notices "
                                "this difference and responds by protecting the "
                                "pregnancy rather than attacking it.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>The alloimmune theory suggests that when the "
                                "embryo and the carrier are 'too genetically similar', "
                                "this protective response may not be switched on "
                                "properly. The carrier's body may then reject the "
                                "embryo, leading to failed implantation or pregnancy "
                                "loss. This idea is still being studied and not all "
                                "experts accept it. It is related to, but different "
                                'from, <a linktype="page" '
                                'id="@slug:autoimmune-diseases">autoimmune '
                                "diseases</a>, where the immune system reacts against "
                                "the body's own tissues.</p>"
                            ),
                        },
                        {
                            "type": "callout",
                            "value": {
                                "kind": "warning",
                                "title": "Ask about the evidence",
                                "message": (
                                    "<p>Tests and treatments for alloimmune causes are "
                                    "not widely agreed on. If they are suggested, it "
                                    "is reasonable to ask your clinic what the "
                                    "evidence shows and what the possible risks "
                                    "are.</p>"
                                ),
                            },
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Options to explore with your clinic",
                                "description": (
                                    "<p>Approaches vary between clinics and may "
                                    "involve further tests or treatments that act on "
                                    "the immune system. Your clinic can explain what "
                                    "they offer, why, and whether it fits your "
                                    "circumstances.</p>"
                                ),
                            },
                        },
                    ],
                    "related": [
                        "autoimmune-diseases",
                        "uterine-nk-cells",
                    ],
                },
                {
                    "slug": "endometriosis",
                    "title": "Endometriosis",
                    "summary": (
                        "Endometriosis is a long-term condition in which tissue "
                        "similar to the lining of the uterus grows elsewhere in the "
                        "body. It may affect fertility and implantation."
                    ),
                    "body": [
                        {
                            "type": "heading",
                            "value": {
                                "text": "Understanding endometriosis",
                                "level": "h2",
                            },
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>In endometriosis, tissue similar to the "
                                "endometrium, the lining of the uterus, grows outside "
                                "the uterus, for example on the ovaries, the fallopian "
                                "tubes or the lining of the pelvis. This tissue reacts "
                                "to the hormones of the menstrual cycle, which can "
                                "lead to inflammation, pain and scar tissue.</p>"
                            ),
                        },
                        {
                            "type": "paragraph",
                            "value": (
                                "<p>Endometriosis affects people in very different "
                                "ways, and some have few or no symptoms. It may make "
                                "implantation harder, for example through inflammation "
                                "that affects the lining of the uterus, or by damaging "
                                "the fallopian tubes, which can sometimes lead to a <a "
                                'linktype="page" '
                                'id="@slug:hydrosalpinx">hydrosalpinx</a>. Exactly '
                                "how it affects implantation and pregnancy is still "
                                "being studied.</p>"
                            ),
                        },
                        {
                            "type": "treatment",
                            "value": {
                                "title": "Options to discuss with your clinic",
                                "description": (
                                    "<p>Depending on your symptoms and plans, your "
                                    "clinic may talk about medication, surgery to "
                                    "remove areas of endometriosis, or going ahead "
                                    "with IVF. Each option has possible benefits and "
                                    "drawbacks, and the right choice is very personal, "
                                    "so it is worth taking time to talk them through "
                                    "with your clinic.</p>"
                                ),
                            },
                        },
                        {
                            "type": "page_link",
                            "value": {
                                "page": (
                                    "@slug:causes-of-failed-implantation-and-pregnancy-loss"
                                ),
                                "link_text": "Back to the overview of possible causes",
                            },
                        },
                    ],
                    "related": [
                        "hydrosalpinx",
                        "thin-endometrium",
                    ],
                },
            ],
        },
    ],
}
