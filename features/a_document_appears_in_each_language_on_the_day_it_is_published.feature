Feature: A document appears in each language on the day it is published
  As a secretariat officer
  I want to record the day each language version of a document became available, and the titles of sessions and bodies in the six official languages
  So that the pages in Arabic, Chinese, English, French, Russian and Spanish say what their readers can read, and since when

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 6th session of cybercrime-egm is scheduled for 6–8 April 2020 in "Vienna, Austria" on 2 December 2019
    And the 6th session of cybercrime-egm is postponed to 27–29 July 2020 on 13 March 2020 because "Impact of the COVID-19 pandemic"
    And the document "Report on the meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime held in Vienna from 27 to 29 July 2020" of the 6th session of cybercrime-egm is issued as a report with the symbol "UNODC/CCPCJ/EG.4/2020/2" on 7 August 2020

  Rule: A document is available in the language it was issued in from its issue, and in each other from the day that version is published

    Example: The report appears in French, then in Arabic
      When the French version of "UNODC/CCPCJ/EG.4/2020/2" of the 6th session of cybercrime-egm is published on 14 August 2020 as "Rapport sur la réunion du Groupe d’experts chargé de réaliser une étude approfondie sur la cybercriminalité"
      And the Arabic version of "UNODC/CCPCJ/EG.4/2020/2" of the 6th session of cybercrime-egm is published on 21 August 2020
      Then the document "UNODC/CCPCJ/EG.4/2020/2" of the 6th session of cybercrime-egm is available in:
        | language | since          |
        | English  | 7 August 2020  |
        | French   | 14 August 2020 |
        | Arabic   | 21 August 2020 |
      And the document "UNODC/CCPCJ/EG.4/2020/2" of the 6th session of cybercrime-egm is titled "Rapport sur la réunion du Groupe d’experts chargé de réaliser une étude approfondie sur la cybercriminalité" in French
      And the history of the 6th session of cybercrime-egm reads:
        | entry                        | on              |
        | scheduled                    | 2 December 2019 |
        | postponed                    | 13 March 2020   |
        | document issued              | 7 August 2020   |
        | language version published   | 14 August 2020  |
        | language version published   | 21 August 2020  |

    Example: A note issued in French appears in English a week later
      Given the document "Note du Secrétariat sur les travaux de la réunion" of the 6th session of cybercrime-egm is issued in French as other with the symbol "UNODC/CCPCJ/EG.4/2020/CRP.1" on 10 August 2020
      When the English version of "UNODC/CCPCJ/EG.4/2020/CRP.1" of the 6th session of cybercrime-egm is published on 17 August 2020 as "Note by the Secretariat on the work of the meeting"
      Then the document "UNODC/CCPCJ/EG.4/2020/CRP.1" of the 6th session of cybercrime-egm is available in:
        | language | since           |
        | French   | 10 August 2020  |
        | English  | 17 August 2020  |

  Rule: A language version is published once, for a document the session issued, not before it was issued

    Example: The French version published a second time is refused
      Given the French version of "UNODC/CCPCJ/EG.4/2020/2" of the 6th session of cybercrime-egm is published on 14 August 2020
      When the French version of "UNODC/CCPCJ/EG.4/2020/2" of the 6th session of cybercrime-egm is published on 17 August 2020
      Then the officer is told "Report on the meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime held in Vienna from 27 to 29 July 2020 (UNODC/CCPCJ/EG.4/2020/2) is already available in French"
      And nothing is recorded

    Example: The language the document was issued in is not published again
      When the English version of "UNODC/CCPCJ/EG.4/2020/2" of the 6th session of cybercrime-egm is published on 14 August 2020
      Then the officer is told "Report on the meeting of the Expert Group to Conduct a Comprehensive Study on Cybercrime held in Vienna from 27 to 29 July 2020 (UNODC/CCPCJ/EG.4/2020/2) is already available in English"
      And nothing is recorded

    Example: A version dated before the document was issued is refused
      When the Russian version of "UNODC/CCPCJ/EG.4/2020/2" of the 6th session of cybercrime-egm is published on 6 August 2020
      Then the officer is told "the Russian version of UNODC/CCPCJ/EG.4/2020/2 cannot be available on 2020-08-06, before the document was issued (2020-08-07)"
      And nothing is recorded

    Example: A symbol the session issued no document under is refused
      When the Spanish version of "UNODC/CCPCJ/EG.4/2020/9" of the 6th session of cybercrime-egm is published on 14 August 2020
      Then the officer is told "the 6th session of cybercrime-egm has no document issued under the symbol 'UNODC/CCPCJ/EG.4/2020/9'; issue it first"
      And nothing is recorded

  Rule: A session's title and a body's name are translated into the five languages other than English, and a later translation corrects an earlier one

    Example: The title of the 6th session is translated into Chinese, then corrected
      Given the title of the 6th session of cybercrime-egm is translated into Chinese as "网络犯罪问题专家组第六次会议" on 14 August 2020
      When the title of the 6th session of cybercrime-egm is translated into Chinese as "全面研究网络犯罪问题专家组第六次会议" on 17 August 2020
      Then the title of the 6th session of cybercrime-egm is translated into Chinese as "全面研究网络犯罪问题专家组第六次会议" on 17 August 2020
      And the history of the 6th session of cybercrime-egm reads:
        | entry            | on              |
        | scheduled        | 2 December 2019 |
        | postponed        | 13 March 2020   |
        | document issued  | 7 August 2020   |
        | title translated | 14 August 2020  |
        | title translated | 17 August 2020  |

    Example: A translation into English, the record's own language, is refused
      When the title of the 6th session of cybercrime-egm is translated into English as "Sixth meeting" on 14 August 2020
      Then the officer is told "the record is kept in English: a translation is into one of ar, zh, fr, ru, es, not 'en'"
      And nothing is recorded

    Example: The body is named in Spanish and in Russian
      When the name of the body cybercrime-egm is translated into Spanish as "Grupo de Expertos encargado de Realizar un Estudio Exhaustivo sobre el Delito Cibernético" on 14 August 2020
      And the name of the body cybercrime-egm is translated into Russian as "Группа экспертов для проведения всестороннего исследования проблемы киберпреступности" on 14 August 2020
      Then the body cybercrime-egm is named "Grupo de Expertos encargado de Realizar un Estudio Exhaustivo sobre el Delito Cibernético" in Spanish
      And the body cybercrime-egm is named "Группа экспертов для проведения всестороннего исследования проблемы киберпреступности" in Russian
