/// The bundled demo production: a real journal, replayed by `coord --demo` and `coord demo PATH`.
public enum DemoJournal {
    public static let text: String = #"""
        # coord journal v1
        # The Lighthouse Keeper's Daughter - demo production journal.
        # Kept by the production coordinator; one change per line, oldest first.

        # --- 2027-02-01 production set up ---
        production set title="The Lighthouse Keeper's Daughter" company="Saltwater Pictures Ltd" currency=GBP start=2027-02-01 end=2027-03-31

        # --- chart of accounts (budget locked 2027-02-05, v3) ---
        category add id=g1000 code=1000 name="Story, producers, director & cast" line=atl
        category add id=g2000 code=2000 name="Production crew" line=btl
        category add id=g3000 code=3000 name="Production costs" line=btl
        category add id=g4000 code=4000 name="Post-production" line=btl
        category add id=g5000 code=5000 name="Insurance, legal & contingency" line=btl
        account add id=a1100 code=1100 category=1000 description="Story & rights" budget=1200.00
        account add id=a1200 code=1200 category=1000 description="Producers" budget=2500.00
        account add id=a1300 code=1300 category=1000 description="Director" budget=2000.00
        account add id=a1400 code=1400 category=1000 description="Cast"
        budget add id=b1400-1 account=1400 description="Mara (cast 1), short-film rate" qty=7 unit=days x=1 rate=200.00 fringe=12.07
        budget add id=b1400-2 account=1400 description="Tom (cast 2)" qty=6 unit=days x=1 rate=200.00 fringe=12.07
        budget add id=b1400-3 account=1400 description="Cast 3-6" qty=1 unit=allow x=1 rate=1000.00
        budget add id=b1400-4 account=1400 description="Supporting artists" qty=2 unit=days x=2 rate=90.00
        account add id=a1500 code=1500 category=1000 description="Casting" budget=500.00
        account add id=a1600 code=1600 category=1000 description="Rehearsals" budget=300.00
        account add id=a2000 code=2050 category=2000 description="Production office staff (coordinator, runners)" budget=2000.00
        account add id=a2100 code=2100 category=2000 description="Camera crew"
        budget add id=b2100-1 account=2100 description="Director of photography" qty=6 unit=days x=1 rate=300.00
        budget add id=b2100-2 account=2100 description="1st AC / focus puller" qty=5 unit=days x=1 rate=220.00
        budget add id=b2100-3 account=2100 description="2nd AC / DIT" qty=1.5 unit=days x=1 rate=180.00
        account add id=a2200 code=2200 category=2000 description="Grip crew" budget=1000.00
        account add id=a2300 code=2300 category=2000 description="Electric crew (gaffer, sparks)"
        budget add id=b2300-1 account=2300 description="Gaffer" qty=6 unit=days x=1 rate=220.00
        budget add id=b2300-2 account=2300 description="Electricians" qty=6 unit=days x=1 rate=170.00
        account add id=a2400 code=2400 category=2000 description="Sound crew"
        budget add id=b2400-1 account=2400 description="Sound recordist incl. kit" qty=6 unit=days x=1 rate=183.33
        budget add id=b2400-2 account=2400 description="Boom operator" qty=1.5 unit=days x=1 rate=170.00
        account add id=a2500 code=2500 category=2000 description="Art department crew" budget=1800.00
        account add id=a2600 code=2600 category=2000 description="Costume crew" budget=1000.00
        account add id=a2700 code=2700 category=2000 description="Hair & make-up crew" budget=800.00
        account add id=a2800 code=2800 category=3000 description="Locations (fees, permits, facilities)" budget=3200.00
        account add id=a2900 code=2900 category=3000 description="Transport (vans, fuel, mileage)" budget=2200.00
        account add id=a3000 code=3050 category=3000 description="Catering" budget=2400.00
        account add id=a3100 code=3100 category=3000 description="Camera equipment hire" budget=2800.00
        account add id=a3200 code=3200 category=3000 description="Lighting & grip equipment hire" budget=2000.00
        account add id=a3300 code=3300 category=3000 description="Sound equipment hire" budget=500.00
        account add id=a3400 code=3400 category=3000 description="Props & set dressing" budget=1200.00
        account add id=a3500 code=3500 category=3000 description="Wardrobe & make-up materials" budget=400.00
        account add id=a3600 code=3600 category=3000 description="Accommodation" budget=3000.00
        account add id=a3700 code=3700 category=3000 description="Production office & expendables" budget=350.00
        account add id=a3800 code=3800 category=3000 description="Health & safety (marine cover, medic)" budget=950.00
        account add id=a3900 code=3900 category=3000 description="Data, media & storage" budget=300.00
        account add id=a4100 code=4100 category=4000 description="Editing" budget=2200.00
        account add id=a4200 code=4200 category=4000 description="Grade" budget=1000.00
        account add id=a4300 code=4300 category=4000 description="Sound post" budget=1800.00
        account add id=a4400 code=4400 category=4000 description="Music" budget=1200.00
        account add id=a4500 code=4500 category=4000 description="VFX & titles" budget=400.00
        account add id=a4600 code=4600 category=4000 description="Deliverables & DCP" budget=500.00
        account add id=a5100 code=5100 category=5000 description="Insurance" budget=1400.00
        account add id=a5200 code=5200 category=5000 description="Legal & clearances" budget=900.00
        account add id=a5300 code=5300 category=5000 description="Contingency (approx. 5%)" budget=2500.00
        account add id=a5400 code=5400 category=5000 description="Festivals & marketing" budget=600.00
        approval add id=ap1 by="Jo Alder (producer)" date=2027-02-05 note="v3, as greenlit by Screen Cornwall"

        # --- crew list ---
        crew add id=cr-jo name="Jo Alder" role="Producer" dept=Production phone="+44 7700 900101" email=jo.alder@example.co.uk rate=250.00 status=confirmed
        crew add id=cr-sian name="Siân Pascoe" role="Production coordinator" dept=Production phone="+44 7700 900102" email=sian.pascoe@example.co.uk rate=180.00 status=confirmed
        crew add id=cr-chap name="Megan Hosking" role="Chaperone (licensed)" dept=Production phone="+44 7700 900103" email=megan.hosking@example.com rate=120.00 status=pencilled
        crew add id=cr-nk name="Nkechi Okafor" role="Director" dept=Direction phone="+44 7700 900110" email=nkechi.okafor@example.com rate=250.00 status=confirmed
        crew add id=cr-ad name="Ben Trevail" role="1st assistant director" dept=Direction phone="+44 7700 900111" email=ben.trevail@example.co.uk rate=220.00 status=confirmed
        crew add id=cr-dp name="Zoë Marchetti" role="Director of photography" dept=Camera phone="+44 7700 900120" email=zoe.marchetti@example.com rate=300.00 status=confirmed
        crew add id=cr-fp name="Arjun Mehta" role="1st AC / focus puller" dept=Camera phone="+44 7700 900121" email=arjun.mehta@example.com rate=220.00 account=2100 status=confirmed
        crew add id=cr-2ac name="Holly Jenkin" role="2nd AC / DIT" dept=Camera phone="+44 7700 900122" email=holly.jenkin@example.co.uk rate=180.00 status=pencilled
        crew add id=cr-kg name="Sam Rowse" role="Key grip" dept=Grip phone="+44 7700 900130" email=sam.rowse@example.co.uk rate=200.00 status=confirmed
        crew add id=cr-gf name="Connor Burke" role="Gaffer" dept=Electric phone="+44 7700 900140" email=connor.burke@example.com rate=220.00 account=2300 status=confirmed
        crew add id=cr-spk name="Priya Shah" role="Electrician (spark)" dept=Electric phone="+44 7700 900141" email=priya.shah@example.com rate=170.00 status=released
        crew add id=cr-spk2 name="Tom Angove" role="Electrician (spark)" dept=Electric phone="+44 7700 900142" email=tom.angove@example.co.uk rate=170.00 account=2300 status=pencilled
        crew add id=cr-snd name="Tomos Rees" role="Sound recordist" dept=Sound phone="+44 7700 900150" email=tomos.rees@example.co.uk rate=220.00 status=confirmed
        crew add id=cr-boom name="Ffion Daniels" role="Boom operator" dept=Sound phone="+44 7700 900151" email=ffion.daniels@example.co.uk rate=170.00 account=2400 status=confirmed
        crew add id=cr-pd name="Renée Laurent" role="Production designer" dept=Art phone="+44 7700 900160" email=renee.laurent@example.com rate=220.00 status=confirmed
        crew add id=cr-prop name="Will Carne" role="Props master" dept=Props phone="+44 7700 900170" email=will.carne@example.co.uk rate=160.00 status=confirmed
        crew add id=cr-cos name="Hannah Polglase" role="Costume designer" dept=Costume phone="+44 7700 900180" email=hannah.polglase@example.co.uk rate=190.00 status=confirmed
        crew add id=cr-mua name="Keisha Grant" role="Hair & make-up artist" dept="Hair & Make-up" phone="+44 7700 900190" email=keisha.grant@example.com rate=180.00 status=confirmed
        crew add id=cr-loc name="Dan Uren" role="Location manager" dept=Locations phone="+44 7700 900200" email=dan.uren@example.co.uk rate=190.00 status=confirmed
        crew add id=cr-drv name="Gary Tonkin" role="Unit driver" dept=Transport phone="+44 7700 900210" email=gary.tonkin@example.co.uk rate=140.00 status=confirmed
        crew add id=cr-cat name="Elena Vasquez" role="Location caterer (Pasty & Pan)" dept=Catering phone="+44 7700 900220" email=bookings@example.co.uk rate=0.00 status=confirmed
        crew add id=cr-ed name="Olu Adebayo" role="Editor" dept=Post phone="+44 7700 900230" email=olu.adebayo@example.com rate=200.00 status=pencilled
        crew add id=cr-mara name="Lowenna Hart" role="Mara (lead) - cast 1" dept=Cast phone="+44 7700 900301" email=lowenna.hart@example.co.uk rate=200.00 status=confirmed castno=1
        crew add id=cr-tom name="Gareth Penhaligon" role="Tom, the keeper - cast 2" dept=Cast phone="+44 7700 900302" email=gareth.penhaligon@example.co.uk rate=200.00 status=confirmed castno=2
        crew add id=cr-ymara name="Isla Rowe" role="Young Mara, age 10 - cast 3" dept=Cast phone="+44 7700 900303" email=rowe.family@example.co.uk rate=100.00 status=confirmed castno=3 hold=drop
        crew add id=cr-ellis name="Dev Kapoor" role="Ellis, fisherman - cast 4" dept=Cast phone="+44 7700 900304" email=dev.kapoor@example.com rate=150.00 status=confirmed castno=4
        crew add id=cr-harb name="Malcolm Hosken" role="Harbourmaster - cast 5" dept=Cast phone="+44 7700 900305" email=malcolm.hosken@example.co.uk rate=150.00 status=confirmed castno=5 unavailable=2027-03-03
        crew add id=cr-trew name="Maureen Eddy" role="Mrs Trewin - cast 6" dept=Cast phone="+44 7700 900306" email=maureen.eddy@example.co.uk rate=150.00 status=pencilled castno=6
        crew add id=cr-sa1 name="Jory Nance" role="Fisherman (SA)" dept="Supporting artists" phone="+44 7700 900401" email=jory.nance@example.com rate=90.00 status=confirmed
        crew add id=cr-sa2 name="Bethan Curnow" role="Harbour walker (SA)" dept="Supporting artists" phone="+44 7700 900402" email=bethan.curnow@example.com rate=90.00 status=pencilled

        # --- shoot days (schedule v2, 2027-02-19) ---
        # The schedule's calendar: shoot days follow on from the start, weekends off.
        board set id=main name="Shooting order" start=2027-03-01 daysoff=sat,sun
        day add id=d1 date=2027-03-01 unit=Main location="Keeper's cottage, Trewellard, Pendeen" call=07:30 wrap=18:30 notes="Unit base: chapel car park. Narrow lane - no parking on verges. Black out front room for sc 7."
        day add id=d2 date=2027-03-02 unit=Main location="Pendeen Watch lighthouse, Pendeen" call=07:00 wrap=18:00 notes="Lamp room holds 6 max: camera, sound, director, 2 cast, 1 spark. Hard hats on the stair tower."
        day add id=d3 date=2027-03-03 unit=Main location="Sennen Cove harbour, Sennen" call=07:00 wrap=18:30 notes="Low water 11:42. Slipway shots before 10:00. Water safety boat on station 08:00-13:00."
        day add id=d4 date=2027-03-04 unit=Main location="Cape Cornwall & cliff path, St Just" call=08:00 wrap=18:30 notes="Child performer on set 09:00-14:00 only; chaperone with her at all times.\nSunset 18:04 - sc 14A is the last set-up."
        day add id=d5 date=2027-03-05 unit=Main location="Pendeen Watch lighthouse, Pendeen" call=16:00 wrap=03:00 notes="NIGHT SHOOT. Rain towers + wind machine; medic on set. Hot food 22:00. Minimum 11h turnaround - next call Mon."
        day add id=d6 date=2027-03-08 unit=Main location="Keeper's cottage, Trewellard, Pendeen" call=07:30 wrap=18:00 notes="Cottage exteriors + pickups. Props back to St Ives by 17:00."

        # --- breakdown / stripboard ---
        strip add id=s2 day=d1 scene=2 ie=INT set="Keeper's cottage - kitchen" dn=DAY pages="1 6/8" synopsis="Mara arrives unannounced; Tom insists he is fine after the fall." cast="1,2" notes="Kettle practical; painting on wall (see clearances)."
        strip add id=s3 day=d1 scene=3 ie=INT set="Keeper's cottage - Tom's bedroom" dn=DAY pages=6/8 synopsis="Mara finds the keeper's log under the bed." cast="1,2"
        strip add id=s7 day=d1 scene=7 ie=INT set="Keeper's cottage - kitchen" dn=NIGHT pages="1 1/8" synopsis="Supper in silence; the wireless forecasts a gale." cast="1,2" notes="Day-for-night: windows blacked out."
        strip add id=s12a day=d1 scene=12A ie=INT set="Keeper's cottage - stairs" dn=NIGHT pages=3/8 synopsis="Mara hears the old foghorn recording from below." cast="1"
        strip add id=s4 day=d2 scene=4 ie=EXT set="Lighthouse - compound" dn=DAY pages=4/8 synopsis="Mara walks the compound; the lamp is dark." cast="1"
        strip add id=s5 day=d2 scene=5 ie=INT set="Lighthouse - lamp room" dn=DAY pages="3 4/8" synopsis="Tom shows Mara the lens; the old argument about her leaving resurfaces." cast="1,2" notes="Longest scene. Block with cast at 07:30 before crew in."
        strip add id=s6 day=d2 scene=6 ie=INT set="Lighthouse - stair tower" dn=DAY pages=3/8 synopsis="Tom struggles on the stairs; Mara pretends not to notice." cast="1,2"
        strip add id=s13 day=d2 scene=13 ie=INT/EXT set="Lighthouse - gallery" dn=DUSK pages=1/8 synopsis="Mara alone on the gallery as the light goes." cast="1" notes="Sunset 18:02 - be set by 17:30."
        strip add id=s1 day=d3 scene=1 ie=EXT set="Harbour - 1998" dn=DAY pages=4/8 synopsis="Flashback: Young Mara and Tom mend nets; he teaches her the light's signature." cast="2,3" notes="Child performer - first set-up. Tom in 1998 wig."
        strip add id=s8 day=d3 scene=8 ie=EXT set="Harbour - slipway" dn=DAY pages=7/8 synopsis="Mara asks Ellis to take her out to look at the light from the sea." cast="1,4" notes="SA: fisherman, harbour walker."
        strip add id=s9 day=d3 scene=9 ie=INT set="Harbourmaster's hut" dn=DAY pages=5/8 synopsis="The harbourmaster warns of the coming weather." cast="1,5" notes="Tide-table app on phone - clearance pending."
        strip add id=s10 day=d3 scene=10 ie=EXT set="Harbour - Ellis's boat" dn=DAY pages=2/8 synopsis="From the boat, Mara sees the lamp room window is broken." cast="1,4" notes="Water safety boat standing by. Lifejackets under costume."
        strip add id=s11 day=d4 scene=11 ie=EXT set="Cliff path" dn=DAY pages=5/8 synopsis="Flashback: Young Mara runs ahead along the cliff; Tom calls her back." cast="2,3" notes="Child performer. Safety line on cliff edge side."
        strip add id=s14 day=d4 scene=14 ie=EXT set="Cliff path - bench" dn=DAY pages="1 2/8" synopsis="Mrs Trewin tells Mara what really happened the night of the '98 storm." cast="1,6"
        strip add id=s14a day=d4 scene=14A ie=EXT set="Cape Cornwall - summit" dn=DUSK pages=3/8 synopsis="Mara reads four lines from the log into the wind." cast="1" notes="Poem quote - clearance requested."
        strip add id=s15pt1 day=d5 scene=15PT1 ie=EXT set="Cliff path - to lighthouse" dn=NIGHT pages=4/8 synopsis="Storm: Tom sets off for the lighthouse; Mara chases after him." cast="1,2" notes="Rain towers. Torches are practicals."
        strip add id=s15pt2 day=d5 scene=15PT2 ie=EXT set="Lighthouse - compound" dn=NIGHT pages=6/8 synopsis="Mara catches Tom at the door; they go in together." cast="1,2"
        strip add id=s16 day=d5 scene=16 ie=INT set="Lighthouse - lamp room" dn=NIGHT pages="1 4/8" synopsis="Mara and Tom relight the lamp together." cast="1,2" notes="Lamp effect: 2x rotating heads, gaffer to rig Thu."
        strip add id=s17 day=d5 scene=17 ie=EXT set="Lighthouse - gallery" dn=NIGHT pages=2/8 synopsis="The beam sweeps out across the sea." cast="1" notes="Wide from compound; stand-in for Mara on gallery."
        strip add id=s18 day=d6 scene=18 ie=EXT set="Keeper's cottage - garden" dn=DAY pages=6/8 synopsis="Morning after: Tom and Mara drink tea in the garden." cast="1,2"
        strip add id=s12 day=d6 scene=12 ie=INT set="Keeper's cottage - front room" dn=NIGHT pages="1 2/8" synopsis="Mara plays the tape; Tom finally talks about her mother." cast="1,2" notes="Black out front room. Archive clip on TV (see clearances)."
        strip add id=s19 day=d6 scene=19 ie=INT set="Keeper's cottage - front room" dn=DAY pages=1/8 synopsis="Mara packs the log in her bag - then takes it out again." cast="1"
        strip add id=s20 scene=20 ie=EXT set="Lighthouse - cliff edge" dn=DAWN pages=4/8 synopsis="Epilogue: the lamp goes out as the sun rises." cast="1,2" notes="Dropped from schedule v2 - needs a real dawn. Pickup if budget allows."
        strip add id=s9a scene=9A ie=INT set="Harbourmaster's hut" dn=DAY pages=1/8 synopsis="Insert: tide table on the wall." cast="5" notes="Insert - grab on any day with the hut dressed."

        # Meal break and company move banners on the board.
        banner add id=bn1 board=main text="Lunch 13:00 - chapel hall" kind=meal after=s3
        banner add id=bn2 board=main text="Unit moves to Sennen Cove harbour" kind=move before=d3

        # Locations, for the call sheet: address, parking, base, nearest A&E; sunrise and sunset from lat/lon.
        location add id=loc-cot name="Keeper's cottage" address="Trewellard Road, Pendeen, Penzance TR19 7TN" parking="Chapel car park, 200 m; no parking on verges" base="Pendeen chapel hall" contact="Dan Uren" phone="+44 7700 900200" hospital="West Cornwall Hospital (minor injuries)" hospitaladdress="St Clare Street, Penzance TR18 2PF" lat=50.1586 lon=-5.6631
        location add id=loc-lh name="Pendeen Watch lighthouse" address="Pendeen Watch, Pendeen, Penzance TR19 7ED" parking="Lighthouse car park (booked)" base="Lighthouse car park" contact="Dan Uren" phone="+44 7700 900200" hospital="Royal Cornwall Hospital (A&E)" hospitaladdress="Treliske, Truro TR1 3LJ" lat=50.1609 lon=-5.6717
        location add id=loc-sen name="Sennen Cove harbour" address="Sennen Cove, Penzance TR19 7DF" parking="Harbour car park, top level" base="Lifeboat station slipway (by arrangement)" contact="Sennen Cove Harbour Master" hospital="Royal Cornwall Hospital (A&E)" hospitaladdress="Treliske, Truro TR1 3LJ" lat=50.0787 lon=-5.6964
        day set id=d1 site=loc-cot
        day set id=d2 site=loc-lh
        day set id=d3 site=loc-sen
        day set id=d5 site=loc-lh
        day set id=d6 site=loc-cot
        safety add id=sf1 day=d2 hazard="Lamp room and stair tower" risk="All crew and cast" controls="Hard hats on the stair; 6 people max in the lamp room; one-way system on the stairs"
        safety add id=sf2 day=d3 hazard="Working near water (slipway, boat)" risk="Cast 1 and 4, camera, sound" controls="Safety boat on station 08:00-13:00; lifejackets under costume; tide times briefed at call"
        safety add id=sf3 day=d5 hazard="Night work with rain towers and wind machine" risk="All crew" controls="Medic on set; rain towers SFX-operated only; cable ramps and lighting on the compound path"
        call add id=ca1 day=d2 dept=Camera time=06:30 note="Lens prep in the lamp room before crew call"
        call add id=ca2 day=d2 who=cr-mara time=06:00 pickup=05:15 note="Make-up at base first"
        travel add id=tr1 who=cr-mara date=2027-03-02 from="Penzance (Queens Hotel)" to="Pendeen chapel hall" how=car pickup=05:15 ref=UC-02
        travel add id=tr2 who=cr-tom date=2027-03-02 from="St Just" to="Pendeen chapel hall" how=car pickup=06:15 ref=UC-03

        # Key kit and the bookings desk: crew and kit days, cast travel.
        kit add id=kt-cam name="Camera package (Alexa Mini LF)" category=camera supplier="Kernow Camera Hire"
        kit add id=kt-boat name="Safety boat + cox" category=marine supplier="Sennen Cove Boat Co"
        kit add id=kt-rain name="Rain towers x2" category=SFX supplier="Penwith Effects"
        booking add id=bk01 who=kt-cam date=2027-03-01 code=SW
        booking add id=bk02 who=kt-cam date=2027-03-02 code=W
        booking add id=bk03 who=kt-cam date=2027-03-03 code=W
        booking add id=bk04 who=kt-cam date=2027-03-04 code=W
        booking add id=bk05 who=kt-cam date=2027-03-05 code=W
        booking add id=bk06 who=kt-cam date=2027-03-08 code=WF
        booking add id=bk07 who=kt-boat date=2027-03-03 code=SWF
        booking add id=bk08 who=kt-rain date=2027-03-05 code=SWF
        booking add id=bk09 who=cr-dp date=2027-03-01 code=SW
        booking add id=bk10 who=cr-dp date=2027-03-02 code=W
        booking add id=bk11 who=cr-dp date=2027-03-03 code=W
        booking add id=bk12 who=cr-dp date=2027-03-04 code=W
        booking add id=bk13 who=cr-dp date=2027-03-05 code=W
        booking add id=bk14 who=cr-dp date=2027-03-08 code=WF
        booking add id=bk15 who=cr-gf date=2027-03-04 code=SW notes="Rig lamp effect for sc 16"
        booking add id=bk16 who=cr-gf date=2027-03-05 code=WF
        booking add id=bk17 who=cr-chap date=2027-03-03 code=SW
        booking add id=bk18 who=cr-chap date=2027-03-04 code=WF
        booking add id=bk19 who=cr-mara date=2027-02-26 code=T notes="Train from London"
        booking add id=bk20 who=cr-fp date=2027-03-01 code=SW
        booking add id=bk21 who=cr-fp date=2027-03-02 code=W
        booking add id=bk22 who=cr-fp date=2027-03-03 code=W
        booking add id=bk23 who=cr-fp date=2027-03-04 code=W
        booking add id=bk24 who=cr-fp date=2027-03-05 code=WF
        booking add id=bk31 who=cr-spk2 date=2027-03-02 code=SW
        booking add id=bk32 who=cr-spk2 date=2027-03-03 code=W
        booking add id=bk33 who=cr-spk2 date=2027-03-04 code=WF
        booking add id=bk34 who=cr-boom date=2027-03-03 code=SW
        booking add id=bk35 who=cr-boom date=2027-03-05 code=WF

        # --- clearances log ---
        clearance add id=cl01 title="\"The Keeper's Lament\" - sync licence" type=sync licensor="Halyard Music Publishing" contact="Rachel Moss, rachel.moss@example.co.uk" status=quoted fee=450.00 media="Festivals, online, broadcast" territory="World" term="Perpetuity" due=2027-02-22 cue=1M1 scenes=12 tcin=00:14:32:10 tcout=00:16:05:00 usage=featured writers="Jory Pascoe" publisher="Halyard Music Publishing" pro=PRS account=4400 po=PO-0016 requested=2027-02-10 notes="Quote received 15 Feb; long-form still to come. Used in sc 12 (tape playback)."
        clearance add id=cl02 title="\"The Keeper's Lament\" - master use (1974 recording)" type=master licensor="Saltings Records" contact="licensing@example.com" status=requested fee=350.00 media="Festivals, online, broadcast" territory="World" term="Perpetuity" due=2027-02-24 cue=1M1 scenes=12 tcin=00:14:32:10 tcout=00:16:05:00 usage=featured account=4400 po=PO-0017 requested=2027-02-12 notes="Chased 24 Feb and 1 Mar. Fallback: re-record with a session singer (4400)."
        clearance add id=cl03 title="Archive: 1953 storm at Sennen, newsreel (40 sec)" type=footage licensor="Kernow Archive Film Trust" contact="Paul Jago, archive@example.co.uk" status=negotiating fee=350.00 media="Festivals, online" territory="World" term="10 years" due=2027-02-26 scenes=12 tcin=00:15:02:00 tcout=00:15:42:00 account=5200 po=PO-0014 requested=2027-02-16 gmedia="Festivals, online" gterritory=World gterm="10 years" notes="On the TV in sc 12. Need clean master before the edit starts 15 Mar."
        clearance add id=cl04 title="Painting: Storm over Pendeen (1961), Edith Penhallow" type=artwork licensor="Estate of Edith Penhallow" contact="Clare Penhallow, clare.penhallow@example.co.uk" status=cleared fee=150.00 media="All media" territory="World" term="10 years" expiry=2037-02-18 scenes=2,7,12 account=5200 po=PO-0015 gmedia="Festivals and online" gterritory=World gterm="10 years" cleared=2027-02-18 document="licences/penhallow-painting-2027-02-18.pdf" notes="Hangs in cottage kitchen and front room: sc 2, 7, 12. Licence signed 18 Feb."
        clearance add id=cl05 title="Lanyon Tea logo on Tom's mug" type=logo licensor="Lanyon Tea Co" contact="press@example.com" status=substituted fee=0.00 notes="No reply to request. Props swapped to a plain enamel mug."
        clearance add id=cl06 title="Location agreement - keeper's cottage, Trewellard" type=location licensor="Pendeen Estate Trust" contact="Dan Uren (loc. manager) / estate office, office@example.co.uk" status=cleared fee=1600.00 media="All media" territory="World" term="Perpetuity" expiry=2027-09-30 scenes=2,3,7,12A,12,18,19 cleared=2027-02-10 document="contracts/pendeen-estate-location.pdf" notes="Access 28 Feb - 9 Mar; reinstatement walk-through on 9 Mar."
        clearance add id=cl07 title="Filming permission - Pendeen Watch lighthouse compound" type=location licensor="Penwith Lights Heritage Trust" contact="Alan Rowe, heritage@example.co.uk" status=cleared fee=0.00 media="All media" territory="World" term="Shoot + reshoots" expiry=2027-04-15 scenes=4,5,6,13,15PT2,16,17 cleared=2027-02-12 document="letters/penwith-lights-permission.pdf" notes="Permission lapses 15 Apr - any reshoots must land before then."
        clearance add id=cl08 title="Appearance release - Isla Rowe (Young Mara, minor)" type=release licensor="Claire Rowe (parent)" contact="rowe.family@example.co.uk" status=cleared fee=0.00 media="All media" territory="World" term="Perpetuity" scenes=1,11 minor=yes chaperone="Megan Hosking" cleared=2027-02-20 document="releases/isla-rowe.pdf; child performance licence CPL-2027-114 (Cornwall Council)" notes="Signed by parent. Chaperone booked; licence from council (child performance licence, Cornwall Council)."
        clearance add id=cl09 title="Appearance releases - members of public, Sennen harbour" type=release licensor="Various" contact="Ben Trevail (1st AD)" status=requested media="All media" territory="World" term="Perpetuity" due=2027-03-03 scenes=1,8,9,10 requested=2027-02-22 notes="Filming notices up at both ends of harbour; release forms for anyone recognisable."
        clearance add id=cl10 title="Poem quote: 4 lines from The Lamp (Morwenna Kitto, 1988)" type=text licensor="Tregear Press" contact="permissions@example.co.uk" status=requested fee=75.00 media="All media" territory="World" term="Perpetuity" due=2027-02-20 scenes=14A requested=2027-02-08 notes="Read aloud in sc 14A. Backup: public-domain lines if refused."
        clearance add id=cl11 title="Tide-table app on Mara's phone" type=software licensor="Mareas Ltd" contact="hello@example.com" status=identified due=2027-03-01 scenes=9 notes="Sc 9. Art dept mocking up a generic screen as fallback."
        clearance add id=cl12 title="Branded oilskins (Seaworthy label)" type=product licensor="Seaworthy Outdoor" status=not-needed notes="Label removed during breakdown; confirmed with DP it never reads."
        clearance add id=cl13 title="Foghorn recording, Pendeen (c. 1975)" type=other licensor="Cornish Sound Heritage Project" contact="Ruth Nankervis, sounds@example.co.uk" status=quoted fee=60.00 media="All media" territory="World" term="Perpetuity" due=2027-02-25 scenes=12A,12 requested=2027-02-15 notes="Heard in sc 12A and 12."
        clearance add id=cl14 title="Stills: 1998 family photos on the dresser" type=stills licensor="Gareth Penhaligon (own photos)" contact="gareth.penhaligon@example.co.uk" status=cleared fee=0.00 media="All media" territory="World" term="Perpetuity" scenes=18 cleared=2027-02-19 document="releases/penhaligon-photos.pdf" notes="Actor's own childhood photos re-captioned; signed release on file."
        clearance add id=cl15 title="\"Pendeen Boys\" (trad. arr.) - sync licence" type=sync cue=3M1 scenes=18 tcin=00:22:10:00 tcout=00:23:12:12 usage=background writers="Trad., arr. Morwenna Kitto" publisher="Tregear Music" pro=PRS licensor="Tregear Music" contact="sync@example.co.uk" media="All media" territory="World" term="Perpetuity" fee=200.00 account=4400 po=PO-0039 status=negotiating requested=2027-02-15 due=2027-03-05 notes="On the radio in the garden, sc 18."
        clearance add id=cl16 title="\"Pendeen Boys\" - master use (Cape Singers, 2019)" type=master cue=3M1 scenes=18 tcin=00:22:10:00 tcout=00:23:12:12 usage=background licensor="Cape Singers CIC" contact="hello@example.org" media="All media" territory="World" term="Perpetuity" gmedia="All media" gterritory="World" gterm="Perpetuity" fee=120.00 account=4400 po=PO-0040 status=cleared requested=2027-02-15 cleared=2027-02-22 document="licences/cape-singers-master.pdf"
        clearance add id=cl17 title="Main title theme \"Light at Pendeen\" (original score)" type=sync cue=0M1 tcin=00:00:00:00 tcout=00:01:12:00 usage=theme writers="Kit Nankervis" publisher="Saltwater Pictures Music" pro=PRS licensor="Kit Nankervis (composer)" media="All media" territory="World" term="Perpetuity" gmedia="All media" gterritory="World" gterm="Perpetuity" fee=0.00 status=cleared cleared=2027-02-12 document="contracts/composer-agreement.pdf" notes="Commissioned score; composer agreement assigns rights."
        log add id=lg01 item=cl01 date=2027-02-10 text="Emailed Rachel Moss: sync request, festivals/online/broadcast, world, perpetuity"
        log add id=lg02 item=cl01 date=2027-02-15 text="Quote received 450.00; long-form licence to follow"
        log add id=lg03 item=cl02 date=2027-02-12 text="Request sent to Saltings licensing"
        log add id=lg04 item=cl02 date=2027-02-24 text="Chased by phone - no answer; left message"
        log add id=lg05 item=cl03 date=2027-02-18 text="Quote 350.00 for 40 sec: festivals + online, 10 years"
        log add id=lg06 item=cl03 date=2027-02-22 text="Asked for broadcast to be added: negotiating"
        log add id=lg07 item=cl15 date=2027-02-20 text="Tregear offered 250.00; countered at 200.00"

        # --- costs: prep ---
        cost add id=k001 date=2027-02-01 account=1100 vendor="Hartley & Vane Literary Agency" description="Option on short story The Light at Pendeen (18 months)" amount=750.00 po=PO-0001 invoice=HV-2231 kind=actual paid=yes approved="Jo Alder"
        cost add id=k002 date=2027-02-03 account=5100 vendor="Shoreline Media Insurance" description="Short-film production package incl. E&O" amount=1320.00 po=PO-0002 invoice=SMI-4471 kind=actual
        cost add id=k003 date=2027-02-05 account=1500 vendor="Tamar Casting" description="Casting sessions, Truro: room hire 2 days" amount=180.00 po=PO-0003 invoice=TC-118 kind=actual
        cost add id=k004 date=2027-02-08 account=1200 vendor="Jo Alder" description="Producer fee, 50% on start of prep" amount=1250.00 po=PO-0004 invoice=JA-027 kind=actual
        cost add id=k005 date=2027-02-08 account=1300 vendor="Nkechi Okafor" description="Director fee, 50% on start of prep" amount=1000.00 po=PO-0005 invoice=NO-2027-03 kind=actual
        cost add id=k006 date=2027-02-10 account=2800 vendor="Pendeen Estate Trust" description="Location fee: keeper's cottage, prep + 2 shoot days" amount=1600.00 po=PO-0006 kind=commitment
        cost add id=k007 date=2027-02-12 account=3600 vendor="Trewellard Holiday Lets" description="Crew accommodation: 2 cottages, 28 Feb - 9 Mar" amount=2450.00 po=PO-0007 invoice=TH-5520 kind=actual
        cost add id=k008 date=2027-02-12 account=3600 vendor="Cape Cornwall B&B" description="Cast and HoDs, 6 nights" amount=780.00 po=PO-0008 kind=commitment
        cost add id=k009 date=2027-02-15 account=3100 vendor="Kernow Camera Hire" description="Camera package: body, primes, monitoring - 1 week" amount=2650.00 vat=530.00 po=PO-0009 invoice=KCH-30417 kind=actual paid=yes
        cost add id=k010 date=2027-02-15 account=3200 vendor="Brunel Lighting Ltd" description="Lighting & grip package incl. rain towers - 1 week" amount=1850.00 po=PO-0010 kind=commitment
        cost add id=k011 date=2027-02-16 account=3300 vendor="Penwith Sound Rentals" description="Radio mics x4 + wind protection - 1 week" amount=420.00 po=PO-0011 invoice=PSR-0998 kind=actual
        cost add id=k012 date=2027-02-17 account=5200 vendor="Marlowe Crane Solicitors" description="Cast contracts, release templates, clearance review" amount=650.00 po=PO-0012 invoice=MC-2207 kind=actual
        cost add id=k013 date=2027-02-17 account=1600 vendor="Penzance Guildhall Rooms" description="Rehearsal room, 2 half-days" amount=120.00 po=PO-0013 invoice=PGR-311 kind=actual
        cost add id=k015 date=2027-02-18 account=5200 vendor="Estate of Edith Penhallow" description="Artwork licence: Storm over Pendeen (1961)" amount=150.00 po=PO-0015 invoice=EP-001 kind=actual
        cost add id=k018 date=2027-02-19 account=2900 vendor="Cornish Van Hire" description="2x LWB vans, 28 Feb - 9 Mar" amount=980.00 po=PO-0018 kind=commitment
        cost add id=k019 date=2027-02-22 account=3050 vendor="Pasty & Pan Location Catering" description="Catering deposit: 6 days x 24 covers" amount=600.00 po=PO-0019 invoice=PP-7781 kind=actual
        cost add id=k020 date=2027-02-22 account=3050 vendor="Pasty & Pan Location Catering" description="Location catering: 6 days x 24 covers (deposit invoiced)" amount=2100.00 po=PO-0019 kind=commitment
        cost add id=k021 date=2027-02-23 account=3400 vendor="Newlyn Marine Salvage" description="Ship's lamp, nets, glass floats (purchase)" amount=285.00 po=PO-0020 invoice=NMS-4410 kind=actual
        cost add id=k022 date=2027-02-23 account=3400 vendor="St Ives Props Hire" description="1950s wireless, oil lamps, keeper's log (hire)" amount=340.00 po=PO-0021 invoice=SIPH-2093 kind=actual
        cost add id=k023 date=2027-02-24 account=3500 vendor="Penzance Fabrics" description="Oilskins, knitwear, breakdown materials (petty cash)" amount=165.00 invoice=PF-55102 kind=actual
        cost add id=k024 date=2027-02-24 account=3800 vendor="Atlantic Marine Safety Services" description="Water safety cover: boat + 2 crew, 3 Mar" amount=720.00 po=PO-0022 kind=commitment
        cost add id=k025 date=2027-02-25 account=3800 vendor="Coastline First Aid" description="Unit medic, night shoot 5 Mar" amount=150.00 po=PO-0023 kind=commitment
        cost add id=k026 date=2027-02-25 account=3900 vendor="Data Dock Ltd" description="2x 2TB SSD + shuttle drives" amount=298.00 po=PO-0024 invoice=DD-19034 kind=actual

        transfer add id=bt1 date=2027-02-24 from=5300 to=3800 amount=400.00 reason="Water safety cover for the harbour scenes, from contingency" by="Jo Alder"

        # --- costs: deal memos signed 26 Feb ---
        cost add id=k027 date=2027-02-26 account=1400 vendor="Lowenna Hart" description="Mara (cast 1): 6 days + rehearsal, short-film rate" amount=1200.00 po=PO-0025 kind=commitment
        cost add id=k028 date=2027-02-26 account=1400 vendor="Gareth Penhaligon" description="Tom (cast 2): 5 days + rehearsal" amount=1000.00 po=PO-0026 kind=commitment
        cost add id=k029 date=2027-02-26 account=1400 vendor="Various - see deal memos" description="Cast 3-6 and supporting artists" amount=1250.00 po=PO-0027 kind=commitment
        cost add id=k030 date=2027-02-26 account=2100 vendor="Zoë Marchetti" description="DP fee: prep + 6 shoot days" amount=1500.00 po=PO-0028 kind=commitment
        cost add id=k031 date=2027-02-26 account=2050 vendor="Siân Pascoe" description="Production coordinator, 4 weeks (flat)" amount=900.00 po=PO-0029 kind=commitment
        cost add id=k032 date=2027-02-26 account=2400 vendor="Tomos Rees" description="Sound recordist incl. own kit, 6 days" amount=1100.00 po=PO-0030 kind=commitment
        cost add id=k033 date=2027-02-26 account=2700 vendor="Keisha Grant" description="Hair & make-up, 6 days incl. kit" amount=720.00 po=PO-0031 kind=commitment
        cost add id=k034 date=2027-02-27 account=2800 vendor="Cornwall Council" description="Filming notice: Sennen beach & car park" amount=120.00 invoice=CC-FLM-0271 kind=actual
        cost add id=k035 date=2027-02-27 account=2800 vendor="Sennen Harbour Association" description="Harbour access & slipway fee, 3 Mar" amount=250.00 po=PO-0032 invoice=SHA-077 kind=actual

        # --- costs: shoot week ---
        cost add id=k036 date=2027-03-01 account=3100 vendor="Kernow Camera Hire" description="Additional lens: 100mm macro, 4 days (DP request)" amount=240.00 po=PO-0033 invoice=KCH-30502 kind=actual
        cost add id=k037 date=2027-03-02 account=2900 vendor="West Penwith Fuels" description="Diesel, both vans" amount=145.60 invoice=WPF-88120 kind=actual
        cost add id=k038 date=2027-03-02 account=3700 vendor="Penzance Office Supplies" description="Call sheet printing, tape, AA batteries" amount=86.40 invoice=POS-3321 kind=actual
        cost add id=k039 date=2027-03-02 account=2900 vendor="West Penwith Fuels" description="Diesel, both vans" amount=145.60 invoice=WPF-88120 kind=actual
        cost add id=k040 date=2027-03-03 account=2900 vendor="West Penwith Fuels" description="Diesel top-up + generator fuel" amount=210.00 invoice=WPF-88177 kind=actual
        cost add id=k041 date=2027-03-05 account=3050 vendor="St Just Bakery" description="Night shoot: hot pasties & flasks, 24 covers" amount=132.50 invoice=SJB-1450 kind=actual
        cost add id=k042 date=2027-03-05 account=3600 vendor="Trewellard Holiday Lets" description="Extra room for chaperone + late checkout" amount=195.00 po=PO-0034 invoice=TH-5561 kind=actual
        cost add id=k043 date=2027-03-08 account=3400 vendor="St Ives Props Hire" description="Loss & damage: cracked lamp chimney" amount=45.00 invoice=SIPH-2131 kind=actual
        cost add id=k044 date=2027-03-08 account=2500 vendor="Renée Laurent" description="Production designer: 2 weeks prep + shoot" amount=1100.00 po=PO-0035 kind=commitment
        cost add id=k048 date=2027-03-09 account=2900 vendor="Cornish Van Hire" description="2x LWB vans, 28 Feb - 9 Mar" amount=980.00 vat=196.00 po=PO-0018 invoice=CVH-2291 kind=actual
        etc add id=etc1 account=3400 amount=150.00 reason="Replacement lamp chimney + strike day van" date=2027-03-08

        # --- costs: post bookings ---
        cost add id=k045 date=2027-03-08 account=4100 vendor="Tidewater Post" description="Offline edit suite, 2 weeks from 15 Mar" amount=1800.00 po=PO-0036 kind=commitment
        cost add id=k046 date=2027-03-09 account=4200 vendor="Porthleven Grade Co" description="Grade, 1 day + deliverables pass" amount=950.00 po=PO-0037 kind=commitment
        cost add id=k047 date=2027-03-09 account=4300 vendor="Tidewater Post" description="Sound post: dialogue edit, FX, stereo + 5.1 mix (quote)" amount=1650.00 po=PO-0038 kind=commitment
        cost add id=k049 date=2027-03-09 account=4500 vendor="Nordlys VFX AS" description="Title design + 2 sky replacements" amount=3000.00 currency=NOK rate=0.0731 invoice=NV-2027-11 kind=actual

        # --- updates ---
        crew set id=cr-2ac status=confirmed
        crew set id=cr-spk2 status=confirmed
        crew set id=cr-chap status=confirmed
        day set id=d1 call=08:00
        clearance set id=cl13 status=cleared expiry=2037-03-01
        # k039 was the same fuel receipt entered twice (WPF-88120)
        cost rm id=k039

        # --- day 1 wrap: the scenes shot and the progress report ---
        strip set id=s2 shot=done shotday=d1
        strip set id=s3 shot=done shotday=d1
        strip set id=s12a shot=done shotday=d1
        strip set id=s7 shot=part shotday=d1
        progress add id=pr1 day=d1 crewcall=08:00 firstshot=08:52 lunch=13:00 lunchend=14:00 camerawrap=18:20 unitwrap=18:50 setups=23 minutes=4 delays="Blacking out the kitchen for sc 7 took 50 min longer than planned: sc 7 part-shot (wide and two-shot), close-ups still to do." notes="Kettle practical failed twice in sc 2; props have a spare for day 6."
        """#
}
